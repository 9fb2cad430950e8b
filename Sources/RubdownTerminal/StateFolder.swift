/// Where Rubdown keeps what it remembers between sessions (history, journal):
/// `$XDG_STATE_HOME/rubdown`, else `~/.local/state/rubdown`; nil with neither set.
enum StateFolder {
    static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/rubdown" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/rubdown"
    }
}
