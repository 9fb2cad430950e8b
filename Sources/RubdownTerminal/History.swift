import CReadline
import Foundation
import RubdownKit

#if canImport(Glibc)
    import Glibc
#endif

/// Where the history file lives, and making it private: it holds health details.
public enum History {
    /// `$RUBDOWN_HISTORY`, else `$XDG_STATE_HOME/rubdown/history`, else `~/.local/state/rubdown/history`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let explicit = environment["RUBDOWN_HISTORY"], !explicit.isEmpty { return explicit }
        return XDGPaths(environment: environment).state.map { $0 + "/history" }
    }

    /// Whether the history is at Rubdown's own path (not one `RUBDOWN_HISTORY` chose), where a
    /// text file without the marker can only be an older Rubdown's history.
    public static func isOwnPath(environment: [String: String]) -> Bool {
        (environment["RUBDOWN_HISTORY"] ?? "").isEmpty
    }
}

/// Readline's history list, backed by a file that is never a reason to stop the conversation,
/// and never touches a file that is not its own.
///
/// - The folder is created 0700 and the file 0600 (an existing history of ours is made 0600).
///   A new file starts with the line `marker`: that is how a file is known as a Rubdown history.
/// - Each line is appended to the file as soon as it is entered (one `write` with `O_APPEND`),
///   so two Rubdowns at once both keep their lines, and a session that is killed keeps what it
///   had. At the end the file is cut back to its newest `limit` lines, rewritten through
///   `PrivateFile` (0600, atomic); only a file that starts with the marker is ever cut.
/// - What is not a history of ours is left untouched, with one warning, and the conversation
///   goes on without a history file: a symbolic link (never followed), a file whose first line
///   is not the marker (say a notes file `RUBDOWN_HISTORY` points at by mistake), a binary file,
///   one larger than `maximumSize`, a folder, a FIFO. At the default path in Rubdown's own state
///   folder, a text file without the marker is a history an older Rubdown wrote
///   (`adoptsUnmarked`): it is kept and given the marker.
/// - Anything else wrong with the file (a folder that cannot be made, a read-only file, a full
///   disk, unreadable lines) gives one warning through `warn`; saving then stops for this run
///   and the in-memory history (Up) keeps working. A character device is written to and never
///   read (`/dev/null` keeps nothing; `/dev/full` is a full disk).
public struct HistoryFile {
    public let path: String
    public let limit: Int
    /// Whether a text file without the marker is taken as an older Rubdown's history.
    public let adoptsUnmarked: Bool
    /// Larger than any history of `limit` lines of at most `Interpreter.maximumLineLength` characters.
    public static let maximumSize = 16 << 20
    /// The first line of every history file Rubdown writes.
    public static let marker = "#rubdown history"

    private let warn: (String) -> Void
    /// Whether lines are still written to the file; false after the first failure.
    public private(set) var saving = false
    private var appended = 0

    public init(path: String, limit: Int, adoptsUnmarked: Bool = false, warn: @escaping (String) -> Void) {
        self.path = path
        self.limit = limit
        self.adoptsUnmarked = adoptsUnmarked
        self.warn = warn
    }

    /// Prepares the file and adds its last `limit` readable lines to readline's history list.
    /// Returns the lines loaded, oldest first.
    @discardableResult
    public mutating func load() -> [String] {
        let folder = PrivateFile.folder(of: path)
        if let problem = PrivateFile.makeFolder(folder) {
            warn("history is off: cannot create the folder \(folder): \(PrivateFile.describe(problem))")
            return []
        }
        var writeError: Int32 = 0
        var fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0, errno == ENOENT {
            // A new history: ours from its first line.
            switch Self.create(path) {
            case .success(let made):
                Glibc.close(made)
                saving = true
                return []
            case .failure(let error) where error.code != EEXIST:
                warn("history is off: cannot create \(path): \(PrivateFile.describe(error.code))")
                return []
            case .failure:  // made by another Rubdown just now
                fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            }
        }
        if fd < 0 {
            writeError = errno
            if writeError == ELOOP {
                warn("history is off: \(path) is a symbolic link; it was left alone")
                return []
            }
            // Read-only (permissions, chattr +i, a read-only mount): still recall its lines.
            if [EACCES, EPERM, EROFS].contains(writeError) { fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
            guard fd >= 0 else {
                warn("history is off: cannot open \(path): \(PrivateFile.describe(writeError))")
                return []
            }
        }
        let writable = writeError == 0
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            warn("history is off: cannot read \(path): \(PrivateFile.describe(errno))")
            return []
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFCHR:
            // /dev/null keeps nothing, /dev/full is a full disk: write to it, never read it.
            saving = writable
            return []
        default:
            warn("history is off: \(path) is not a regular file; it was left alone")
            return []
        }
        if Int(info.st_size) > Self.maximumSize {
            warn("history is off: \(path) is \(Int(info.st_size) >> 20) MB, too large for a history file; it was left alone")
            return []
        }
        guard case .success(let bytes) = PrivateFile.readAll(fd, limit: Self.maximumSize) else {
            warn("history is off: cannot read \(path): \(PrivateFile.describe(errno))")
            return []
        }
        if bytes.contains(0) {
            warn("history is off: \(path) is not a text file; it was left alone")
            return []
        }
        let marked = bytes.starts(with: Array((Self.marker + "\n").utf8))
        guard marked || bytes.isEmpty || adoptsUnmarked else {
            warn(
                "history is off: \(path) does not look like a Rubdown history (its first line is not \"\(Self.marker)\"); it was left alone"
            )
            return []
        }
        if writable, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }

        var lines: [String] = []
        var unreadable = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if raw.first == UInt8(ascii: "#"), raw.count > 1, raw.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) {
                continue  // a timestamp line, as readline writes when timestamps are on
            }
            guard let line = String(validating: raw, as: UTF8.self),
                !line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                unreadable += 1
                continue
            }
            if line == Self.marker { continue }
            lines.append(line)
        }
        lines = Array(lines.suffix(limit))
        for line in lines { add_history(line) }
        if unreadable > 0 {
            warn("skipped \(unreadable) unreadable line\(unreadable == 1 ? "" : "s") in the history file \(path)")
        }
        guard writable else {
            warn("history will not be saved: cannot write \(path): \(PrivateFile.describe(writeError))")
            return lines
        }
        if !marked {
            // Empty, or an older Rubdown's history: it gets the marker (and its newest lines).
            do {
                try PrivateFile.write(Self.contents(lines), to: path)
            } catch {
                warn("history is off: " + error.message(saving: "the history"))
                return lines
            }
        }
        saving = true
        return lines
    }

    /// Adds a line to the history list and appends it to the file.
    public mutating func record(_ line: String) {
        add_history(line)
        guard saving else { return }
        var fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        var status: Int32 = 0
        if fd < 0, errno == ENOENT {
            // Removed since: made again, as a history of ours.
            switch Self.create(path) {
            case .success(let made): fd = made
            case .failure(let error): status = error.code
            }
        } else if fd < 0 {
            status = errno
        }
        if fd >= 0 {
            var info = stat()
            if fstat(fd, &info) != 0 {
                status = errno
            } else if ![S_IFREG, S_IFCHR].contains(info.st_mode & S_IFMT) {
                status = EINVAL
            } else {
                status = PrivateFile.writeAll(fd, Array((line + "\n").utf8)) ?? 0
            }
            Glibc.close(fd)
        }
        if status != 0 {
            saving = false
            warn("history is off: could not save to \(path): \(PrivateFile.describe(status))")
            return
        }
        appended += 1
    }

    /// At the end: cuts the file back to its newest `limit` lines, when it is still a history of
    /// ours (a regular file that starts with the marker) and has grown beyond that.
    public mutating func close() {
        guard saving, appended > 0 else { return }
        appended = 0
        guard case .bytes(let bytes) = PrivateFile.read(path, limit: Self.maximumSize),
            bytes.starts(with: Array((Self.marker + "\n").utf8))
        else { return }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).dropFirst()
        guard lines.count > limit else { return }
        let kept = lines.suffix(limit).map { String(decoding: $0, as: UTF8.self) }
        do {
            try PrivateFile.write(Self.contents(kept), to: path)
        } catch {
            warn("history was not cut back: " + error.message(saving: "the history"))
        }
    }

    // MARK: helpers

    /// The whole file for these lines: the marker, then one line each.
    static func contents(_ lines: [String]) -> [UInt8] {
        Array(([marker] + lines).map { $0 + "\n" }.joined().utf8)
    }

    /// Makes a new history file, 0600 and with the marker; its descriptor, open for appending.
    static func create(_ path: String) -> Result<Int32, PrivateFile.SystemError> {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return .failure(PrivateFile.SystemError(code: errno)) }
        fchmod(fd, 0o600)
        if let code = PrivateFile.writeAll(fd, Array((marker + "\n").utf8)) {
            Glibc.close(fd)
            unlink(path)
            return .failure(PrivateFile.SystemError(code: code))
        }
        return .success(fd)
    }
}
