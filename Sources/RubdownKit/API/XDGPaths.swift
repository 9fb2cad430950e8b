/// Where Rubdown keeps its files, by the XDG Base Directory specification: each folder is
/// `$XDG_..._HOME/rubdown` when that variable holds an absolute path, else the default under
/// `$HOME`. A relative or empty value is ignored, as the specification says ("if an
/// implementation encounters a relative path in any of these variables it should consider the
/// path invalid and ignore it"), so the folder never depends on the current directory.
public struct XDGPaths: Sendable, Equatable {
    /// What Rubdown remembers between sessions: the history and the journal.
    public var state: String?
    /// The runner's own overlay, merged over the content at every start.
    public var config: String?

    public init(environment: [String: String]) {
        state = Self.folder(environment, "XDG_STATE_HOME", default: ".local/state")
        config = Self.folder(environment, "XDG_CONFIG_HOME", default: ".config")
    }

    /// `$variable/rubdown` when absolute, else `$HOME/fallback/rubdown`; nil with neither.
    static func folder(_ environment: [String: String], _ variable: String, default fallback: String) -> String? {
        if let base = environment[variable], base.hasPrefix("/") { return base + "/rubdown" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/" + fallback + "/rubdown"
    }
}
