#if canImport(Glibc)
    import Glibc
#endif

/// The one way Rubdown writes and reads the runner's own files: the journal, a saved plan, the
/// history when it is cut back. They hold health details, so:
///
/// - a file is private from its first byte: a new temporary file in the same folder is created
///   by `open(2)` with `O_CREAT | O_EXCL` and mode 0600 (never with the umask's mode and made
///   private afterwards), written, `fsync`ed and renamed over the name, so a reader sees the old
///   file or the new one, never half of one, and a process killed on the way leaves at most a
///   0600 temporary file;
/// - any failure removes the temporary file, leaves the old file as it was, and is one
///   `WriteFailure` that names the file and says what to do;
/// - a file over the size limit (`ulimit -f`) is an error (`EFBIG`), not a SIGXFSZ that kills
///   the program: `ignoreFileSizeSignal()` is called before the first write;
/// - reads open with `O_NONBLOCK | O_NOFOLLOW` and accept only a regular file of bounded size,
///   so a FIFO, a device or a symbolic link planted at the path never blocks or redirects them.
public enum PrivateFile {
    /// Why a file could not be written, for one warning or error line.
    public struct WriteFailure: Error, Sendable, CustomStringConvertible {
        /// The file that was to be written.
        package var path: String
        /// The `errno` of the step that failed.
        var code: Int32

        public init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }

        /// The system's words for the error: "No space left on device".
        var reason: String { String(cString: strerror(code)) }

        /// What the runner can do about it.
        package var advice: String {
            let folder = PrivateFile.folder(of: path)
            switch code {
            case ENOSPC, EDQUOT: return "free some disk space and try again"
            case EFBIG: return "the file-size limit (ulimit -f) is too small for it; raise the limit and try again"
            case EACCES, EPERM, EROFS: return "make sure you can write to the folder \(folder)"
            case ENOENT, ENOTDIR: return "the folder \(folder) cannot be made; check the path"
            case EISDIR: return "\(path) is a folder; choose a file name"
            case ELOOP: return "\(path) is a symbolic link; choose another name"
            default: return "check the folder \(folder) and try again"
            }
        }

        /// "could not save the journal to PATH: No space left on device; free some disk space and try again".
        public func message(saving what: String) -> String { "could not save \(what) to \(path): \(reason); \(advice)" }

        public var description: String { message(saving: "the file") }
    }

    /// Ignores SIGXFSZ for the whole process (once; later calls do nothing), so that writing past
    /// the file-size limit fails with `EFBIG` and can be reported, instead of killing Rubdown.
    public static func ignoreFileSizeSignal() { _ = ignoringFileSizeSignal }

    private static let ignoringFileSizeSignal: Bool = {
        signal(SIGXFSZ, SIG_IGN)
        return true
    }()

    /// Writes `bytes` as the whole of `path`, privately and atomically (see above). The folder is
    /// created (0700, with its parents) when missing. The file ends up mode 0600 whatever it was.
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteFailure) {
        ignoreFileSizeSignal()
        let folder = folder(of: path)
        if let code = makeFolder(folder) { throw WriteFailure(path: path, code: code) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 {
            temporary = folder + "/." + name + "." + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteFailure(path: path, code: errno) }
        var failure: Int32 = 0
        // The umask may have taken bits from 0600 (never added any): the owner must read it back.
        if fchmod(descriptor, 0o600) != 0 { failure = errno }
        if failure == 0, let code = writeAll(descriptor, bytes) { failure = code }
        if failure == 0, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if close(descriptor) != 0, failure == 0, errno != EINTR { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw WriteFailure(path: path, code: failure)
        }
        // The rename itself, made durable: a crash now keeps the new file.
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Writes all of `bytes` to a descriptor, retrying short writes and EINTR; the errno of a failure.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, bytes.count - done) }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if count == 0 { return EIO }
            done += count
        }
        return nil
    }

    /// What a read found.
    public enum Contents: Sendable, Equatable {
        /// The whole file.
        case bytes([UInt8])
        /// Nothing at the path.
        case missing
        /// A symbolic link, folder, FIFO, device or socket: not read, and not to be written through.
        case notRegular
        /// Larger than the limit given: not read.
        case tooLarge
        /// It could not be opened or read: `errno`.
        case unreadable(Int32)
    }

    /// Reads a regular file of at most `limit` bytes without blocking on a FIFO, and without
    /// following a symbolic link unless `followingLinks` (content folders, which the runner may
    /// well build from links; never a file Rubdown writes).
    public static func read(_ path: String, limit: Int, followingLinks: Bool = false) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .missing
            case ELOOP, ENXIO: return .notRegular  // a symbolic link; a socket
            case let code: return .unreadable(code)
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular }
        guard Int(info.st_size) <= limit else { return .tooLarge }
        switch readAll(descriptor, limit: limit) {
        case .success(let bytes): return .bytes(bytes)
        case .failure(let error): return error.code == EFBIG ? .tooLarge : .unreadable(error.code)
        }
    }

    /// An errno as an Error, for `readAll`.
    public struct SystemError: Error, Sendable {
        public var code: Int32
        public init(code: Int32) { self.code = code }
    }

    /// Reads a descriptor to its end; more than `limit` bytes is `EFBIG`.
    public static func readAll(_ descriptor: Int32, limit: Int) -> Result<[UInt8], SystemError> {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(SystemError(code: errno))
            }
            if count == 0 { return .success(bytes) }
            bytes += buffer[0..<count]
            if bytes.count > limit { return .failure(SystemError(code: EFBIG)) }
        }
    }

    /// `mkdir -p` with mode 0700 for each folder it makes; the errno of a failure, or nil.
    public static func makeFolder(_ folder: String) -> Int32? {
        guard !folder.isEmpty else { return nil }
        var info = stat()
        if stat(folder, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? nil : ENOTDIR }
        let parent = self.folder(of: folder)
        if parent != folder, parent != ".", let code = makeFolder(parent) { return code }
        if mkdir(folder, 0o700) != 0, errno != EEXIST { return errno }
        return nil
    }

    /// The folder a path is in: "." for a bare name, "/" for a file at the root.
    public static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The system's words for an errno: "Permission denied".
    public static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
