import Foundation
import RubdownKit

#if canImport(Glibc)
    import Glibc
#endif

/// The journal file: `$XDG_STATE_HOME/rubdown/journal.json` (or `~/.local/state/rubdown/`),
/// mode 0600, never sent anywhere.
///
/// - Every save takes an advisory lock (`flock` on `journal.json.lock` beside it), reads the file
///   again and merges this session's changes into what is there (`Journal.merge`), so sessions
///   running at the same time keep every entry. It is written through `PrivateFile` (0600 from
///   the first byte, atomic).
/// - A journal that cannot be read or understood (damaged JSON, not a regular file, larger than
///   `largest`, unreadable) is never replaced: it is renamed aside as
///   `journal.json.damaged-YYYYMMDD-HHMMSS` with a warning, and a new journal is started. When it
///   cannot even be renamed, the journal is off for the session.
/// - Entries beyond `Journal.keptEntries` or older than `Journal.keptDays` are pruned; an entry
///   dated in the future counts as today.
/// - An existing journal readable by others (made by an older Rubdown, or copied in) is made 0600.
public struct JournalStore {
    public let path: String
    /// The file the lock is taken on (a lock on the journal itself would be lost at each rename).
    var lockPath: String { path + ".lock" }
    /// A journal larger than this is not read (500 entries take about 100 KB).
    public static let largest = 8 << 20
    /// How long a save waits for another session to finish with the journal.
    public static let lockWait: TimeInterval = 10

    public init(path: String) { self.path = path }

    public static func defaultPath(environment: [String: String]) -> String? {
        XDGPaths(environment: environment).state.map { $0 + "/journal.json" }
    }

    /// The journal at start-up (nil: it is off for this session, as the warning says), and at
    /// most one warning. A missing file is an empty journal.
    public func load(now: Date = Date()) -> (journal: Journal?, warning: String?) {
        // No journal yet (nobody said yes): nothing to read, and no folder or lock file made for it.
        var info = stat()
        if lstat(path, &info) != 0, errno == ENOENT { return (Journal(), nil) }
        return locked {
            switch read() {
            case .journal(let journal):
                Self.tighten(path)
                return (journal.tidied(now: now), nil)
            case .missing:
                return (Journal(), nil)
            case .damaged(let problem):
                switch setAside() {
                case .success(let aside):
                    return (Journal(), "the journal at \(path) \(problem); it is set aside as \(aside) and a new one started")
                case .failure(let error):
                    return (
                        nil,
                        "the journal at \(path) \(problem), and it cannot be set aside (\(PrivateFile.describe(error.code))); the journal is off for this session"
                    )
                }
            }
        }
    }

    /// Saves what this session changed since `before` (as loaded, or as last saved) to get
    /// `after`, merged into the journal as it is on disk now. Returns a warning on failure; the
    /// file is then as it was, and the conversation goes on.
    public func save(from before: Journal, to after: Journal, now: Date = Date()) -> String? {
        locked {
            var current = Journal()
            var warning: String?
            switch read() {
            case .journal(let journal): current = journal
            case .missing: break
            case .damaged(let problem):
                switch setAside() {
                case .success(let aside):
                    warning = "the journal at \(path) \(problem); it is set aside as \(aside) and a new one started"
                case .failure(let error):
                    return
                        "the journal at \(path) \(problem), and it cannot be set aside (\(PrivateFile.describe(error.code))); this change was not saved"
                }
            }
            let merged = Journal.merge(from: before, to: after, onto: current).tidied(now: now)
            do {
                try PrivateFile.write(Array(try Self.encoder.encode(merged)), to: path)
            } catch let failure as PrivateFile.WriteFailure {
                return [warning, failure.message(saving: "the journal")].compactMap { $0 }.joined(separator: "; and ")
            } catch {
                return "could not save the journal to \(path): \(error)"
            }
            return warning
        }
    }

    // MARK: the file

    enum Reading {
        case journal(Journal)
        case missing
        case damaged(String)
    }

    func read() -> Reading {
        switch PrivateFile.read(path, limit: Self.largest) {
        case .missing: return .missing
        case .notRegular: return .damaged("is not a regular file")
        case .tooLarge: return .damaged("is too large to be a journal")
        case .unreadable(let code): return .damaged("cannot be read (\(PrivateFile.describe(code)))")
        case .bytes(let bytes):
            guard let journal = try? Self.decoder.decode(Journal.self, from: Data(bytes)) else { return .damaged("was damaged") }
            return .journal(journal)
        }
    }

    /// Renames the journal aside with the time in its name; the new name.
    func setAside() -> Result<String, PrivateFile.SystemError> {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = path + ".damaged-" + format.string(from: Date())
        var aside = stamp
        var taken = stat()
        var number = 1
        while lstat(aside, &taken) == 0 {
            number += 1
            aside = stamp + "-\(number)"
        }
        guard rename(path, aside) == 0 else { return .failure(PrivateFile.SystemError(code: errno)) }
        Self.tighten(aside)  // it may hold health details too
        return .success(aside)
    }

    /// Makes an existing file of ours private (0600), without following a link.
    static func tighten(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 {
            fchmod(descriptor, 0o600)
        }
    }

    /// Runs `body` holding the journal's lock. Without a lock file (a read-only folder) it runs
    /// unlocked: reading still works, and a write fails and says so.
    func locked<T>(_ body: () -> T) -> T {
        _ = PrivateFile.makeFolder(PrivateFile.folder(of: path))
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return body() }
        defer { close(descriptor) }  // closing releases the lock
        let deadline = Date().addingTimeInterval(Self.lockWait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else { break }
            usleep(5_000)
        }
        return body()
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
