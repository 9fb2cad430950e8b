/// A built coach (its content and the interpreter's indexes) as bytes. The bundled content is
/// built once, when `rubdown` is compiled (the `EmbedContent` build tool calls `bytes(of:)`),
/// so that no start parses YAML or builds an index for it; the coach is read back with
/// `coach(from:plugins:)`. What is saved is whatever the types' `Codable` conformances say.
public enum CoachSnapshot {
    struct Payload: Codable {
        var content: Content
        var interpreter: Interpreter
        /// What the interpreter was built for: which plugins answer what Rubdown declines.
        var outOfScopePlugins: [String]
    }

    /// The content, understood for `plugins`, as bytes: what `coach(from:plugins:)` reads back.
    public static func bytes(of content: Content, plugins: PluginRegistry) throws -> [UInt8] {
        let outOfScope = plugins.outOfScopeNames
        return try BinaryCoder.encode(
            Payload(
                content: content, interpreter: Interpreter(content: content, outOfScopePlugins: outOfScope),
                outOfScopePlugins: outOfScope.sorted()))
    }

    /// The coach saved in `bytes`, with `plugins`, checked as `Coach.init` checks a coach built from YAML.
    public static func coach(from bytes: [UInt8], plugins: PluginRegistry) throws -> Coach {
        let payload = try BinaryCoder.decode(Payload.self, from: bytes)
        try plugins.validate(payload.content.intents)
        guard payload.outOfScopePlugins == plugins.outOfScopeNames.sorted() else {
            throw ContentError([
                ContentDiagnostic(
                    file: "snapshot", line: 0, column: 0,
                    message:
                        "the compiled coach was built for other out-of-scope plugins (\(payload.outOfScopePlugins.joined(separator: ", "))): build it from the YAML"
                )
            ])
        }
        return Coach(content: payload.content, interpreter: payload.interpreter, plugins: plugins)
    }
}
