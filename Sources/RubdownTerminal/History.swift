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
}

/// Readline's history list, backed by a file that is never a reason to stop the conversation.
///
/// - The folder is created 0700 and the file 0600 (an existing file of ours is made 0600).
/// - Each line is appended to the file as soon as it is entered (`append_history(1, path)`), so
///   two Rubdowns at once both keep their lines, and a session that is killed keeps what it had.
///   At the end the file is cut back to its last `limit` lines (`history_truncate_file`).
/// - Anything wrong with the file (a folder that cannot be made, a read-only file, a full disk,
///   a binary or oversized file, unreadable lines) gives one warning through `warn`; saving then
///   stops for this run and the in-memory history (Up) keeps working. A file that does not look
///   like a history (binary, or larger than `maximumSize`) is left untouched: it may be something
///   else that `RUBDOWN_HISTORY` points at by mistake.
public struct HistoryFile {
    public let path: String
    public let limit: Int
    /// Larger than any history of `limit` lines of at most `Interpreter.maximumLineLength` characters.
    public static let maximumSize = 16 << 20

    private let warn: (String) -> Void
    /// Whether lines are still written to the file; false after the first failure.
    public private(set) var saving = false
    private var appended = 0

    public init(path: String, limit: Int, warn: @escaping (String) -> Void) {
        self.path = path
        self.limit = limit
        self.warn = warn
    }

    /// Prepares the file and adds its last `limit` readable lines to readline's history list.
    /// Returns the lines loaded, oldest first.
    @discardableResult
    public mutating func load() -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, let problem = Self.makeFolder(folder) {
            warn("history is off: cannot create the folder \(folder): \(problem)")
            return []
        }
        var writable = true
        var fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_NONBLOCK | O_CLOEXEC, 0o600)
        if fd < 0 {
            let writeError = errno
            // Read-only (permissions, chattr +i, a read-only mount): still recall its lines.
            if [EACCES, EPERM, EROFS].contains(writeError) { fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
            guard fd >= 0 else {
                warn("history is off: cannot open \(path): \(Self.describe(writeError))")
                return []
            }
            writable = false
            warn("history will not be saved: cannot write \(path): \(Self.describe(writeError))")
        }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            warn("history is off: cannot read \(path): \(Self.describe(errno))")
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
            warn("history is off: \(path) is not a regular file")
            return []
        }
        if Int(info.st_size) > Self.maximumSize {
            warn("history is off: \(path) is \(Int(info.st_size) >> 20) MB, too large for a history file; it was left alone")
            return []
        }
        guard let bytes = Self.readAll(fd, expected: Int(info.st_size)) else {
            warn("history is off: cannot read \(path): \(Self.describe(errno))")
            return []
        }
        if bytes.contains(0) {
            warn("history is off: \(path) is not a text file; it was left alone")
            return []
        }
        if writable, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        saving = writable

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
            lines.append(line)
        }
        lines = Array(lines.suffix(limit))
        for line in lines { add_history(line) }
        if unreadable > 0 {
            warn("skipped \(unreadable) unreadable line\(unreadable == 1 ? "" : "s") in the history file \(path)")
        }
        return lines
    }

    /// Adds a line to the history list and appends it to the file.
    public mutating func record(_ line: String) {
        add_history(line)
        guard saving else { return }
        // The file may have been removed since: append_history does not create it.
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NONBLOCK | O_CLOEXEC, 0o600)
        var status = fd < 0 ? errno : 0
        if fd >= 0 { Glibc.close(fd) }
        if status == 0 { status = append_history(1, path) }
        if status != 0 {
            saving = false
            warn("history is off: could not save to \(path): \(Self.describe(status))")
            return
        }
        appended += 1
    }

    /// At the end: cuts the file back to its last `limit` lines (readline rewrites it only when longer).
    public mutating func close() {
        guard saving, appended > 0 else { return }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        _ = history_truncate_file(path, Int32(limit))
        appended = 0
    }

    // MARK: helpers

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `mkdir -p` with mode 0700; returns the reason it failed, or nil.
    static func makeFolder(_ folder: String) -> String? {
        var info = stat()
        if stat(folder, &info) == 0 {
            return info.st_mode & S_IFMT == S_IFDIR ? nil : describe(ENOTDIR)
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder, let problem = makeFolder(parent) { return problem }
        if mkdir(folder, 0o700) != 0, errno != EEXIST { return describe(errno) }
        return nil
    }

    static func readAll(_ fd: Int32, expected: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= maximumSize {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}
