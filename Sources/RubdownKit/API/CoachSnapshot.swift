/// A built coach (its content and the interpreter's indexes) as bytes. The bundled content is
/// built once, when `rubdown` is compiled (the `EmbedContent` build tool calls `bytes(of:)`),
/// so that no start parses YAML or builds an index for it; the coach is read back with
/// `coach(from:plugins:)`. What is saved is whatever the types' `Codable` conformances say.
public enum CoachSnapshot {
    struct Payload: Codable {
        var content: Content
        var interpreter: Interpreter
    }

    /// The content, understood, as bytes: what `coach(from:plugins:)` reads back.
    public static func bytes(of content: Content) throws -> [UInt8] {
        try BinaryCoder.encode(Payload(content: content, interpreter: Interpreter(content: content)))
    }

    /// The coach saved in `bytes`, with `plugins`, checked as `Coach.init` checks a coach built from YAML.
    public static func coach(from bytes: [UInt8], plugins: PluginRegistry) throws -> Coach {
        let payload = try BinaryCoder.decode(Payload.self, from: bytes)
        try plugins.validate(payload.content.intents)
        return Coach(
            content: payload.content, interpreter: payload.interpreter.serving(outOfScopePlugins: plugins.outOfScopeNames),
            plugins: plugins)
    }
}
