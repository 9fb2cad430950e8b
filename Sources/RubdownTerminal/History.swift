import Foundation

/// Where the history file lives, and making it private: it holds health details.
public enum History {
    /// `$RUBDOWN_HISTORY`, else `$XDG_STATE_HOME/rubdown/history`, else `~/.local/state/rubdown/history`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let explicit = environment["RUBDOWN_HISTORY"], !explicit.isEmpty { return explicit }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/rubdown/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/rubdown/history"
    }

    /// Creates the folder (0700) and the file (0600) if needed; returns warnings, never fails.
    static func prepare(_ path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let fd = open(path, O_CREAT | O_WRONLY | O_APPEND, 0o600)
        guard fd >= 0 else { return ["history is off: cannot write \(path)"] }
        fchmod(fd, 0o600)
        close(fd)
        return []
    }
}
