import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Built coaches kept between runs (`$XDG_CACHE_HOME/rubdown`), so that a start with content
/// already seen costs a file read instead of parsing YAML and indexing.
///
/// A snapshot is found by a key over everything the coach is built from: every content byte
/// (bundled, `--intents`/`--knowledge` folders, overlays, in order), the plugins, the snapshot
/// format and the build of the program itself. Any edit gives a new key, so a stale snapshot
/// is never used. Snapshots are written only after a load that passed every check, so errors
/// in content still come from the YAML, with file and line. A cache that cannot be read or
/// written is no error: the coach is built as without one.
public struct CoachCache: Sendable {
    public let folder: String
    /// What tells one build of the program from another (see `executableIdentity`).
    public let buildIdentity: String
    /// How many snapshots are kept (one per set of content); the least recently used go first.
    public static let kept = 4

    public init(folder: String, buildIdentity: String) {
        self.folder = folder
        self.buildIdentity = buildIdentity
    }

    /// `$XDG_CACHE_HOME/rubdown`, else `~/.cache/rubdown`, for the running executable; nil
    /// when neither is set or the executable cannot be identified.
    public static func standard(environment: [String: String]) -> CoachCache? {
        guard let identity = executableIdentity() else { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return CoachCache(folder: cache + "/rubdown", buildIdentity: identity)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return CoachCache(folder: home + "/.cache/rubdown", buildIdentity: identity)
    }

    /// The running executable's device, inode, size and modification time: a rebuilt or
    /// replaced binary (whose archived layout may differ) never reads an older one's snapshots.
    public static func executableIdentity() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The coach for this content: from a snapshot if there is one, else loaded, validated and
    /// indexed as usual (and then saved for next time). Bad content throws as `Content.load` does.
    public func coach(_ base: ContentSet, overlays: [ContentSet] = [], plugins: PluginRegistry) throws -> Coach {
        let key = key(base, overlays: overlays, plugins: plugins)
        let path = snapshotPath(key)
        if let bytes = Self.read(path), let coach = CoachSnapshot.coach(from: bytes, key: key, plugins: plugins) {
            // Marked as just used, so that pruning (by modification time) keeps what is in use.
            utimes(path, nil)
            return coach
        }
        let coach = try Coach(content: Content.load(base, overlays: overlays), plugins: plugins)
        save(CoachSnapshot.bytes(of: coach, key: key), to: path)
        return coach
    }

    /// Saves a coach built from this content (and validated, as `Coach.init` does), for the next
    /// `coach(_:overlays:plugins:)` to find.
    public func store(_ coach: Coach, builtFrom base: ContentSet, overlays: [ContentSet] = []) {
        let key = key(base, overlays: overlays, plugins: coach.plugins)
        save(CoachSnapshot.bytes(of: coach, key: key), to: snapshotPath(key))
    }

    /// What the coach would be built from, as one number.
    func key(_ base: ContentSet, overlays: [ContentSet], plugins: PluginRegistry) -> UInt64 {
        var hash = Fingerprint()
        hash.add("rubdown coach snapshot \(CoachSnapshot.formatVersion)")
        hash.add(buildIdentity)
        for plugin in plugins.plugins { hash.add(plugin.name) }
        for name in plugins.outOfScopeNames.sorted() { hash.add("out of scope: " + name) }
        for set in [base] + overlays {
            hash.add("set \(set.knowledge.count) \(set.intents.count)")
            for file in set.knowledge + set.intents {
                hash.add(file.path)
                hash.add(file.text)
            }
        }
        return hash.value
    }

    func snapshotPath(_ key: UInt64) -> String {
        let hex = String(key, radix: 16)
        return folder + "/coach-" + String(repeating: "0", count: 16 - hex.count) + hex + ".snapshot"
    }

    private static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, size - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// Writes a new file, mode 0600, straight from the bytes (no copy into `Data`).
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, bytes.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// Writes beside the final name and renames, so a reader never sees half a snapshot; then
    /// keeps only the `kept` most recently used. Failing quietly is right: the cache only saves time.
    private func save(_ bytes: [UInt8], to path: String) {
        let files = FileManager.default
        guard (try? files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        let temporary = folder + "/.coach-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).partial"
        guard Self.write(bytes, to: temporary), rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
        let names = (try? files.contentsOfDirectory(atPath: folder)) ?? []
        func modified(_ path: String) -> Date {
            (try? files.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
        }
        // What a process killed while writing left behind.
        for name in names where name.hasPrefix(".coach-") && name.hasSuffix(".partial") {
            if modified(folder + "/" + name) < Date(timeIntervalSinceNow: -600) { unlink(folder + "/" + name) }
        }
        let snapshots = names.filter { $0.hasPrefix("coach-") && $0.hasSuffix(".snapshot") }.map { folder + "/" + $0 }
        guard snapshots.count > Self.kept else { return }
        for old in snapshots.sorted(by: { modified($0) > modified($1) }).dropFirst(Self.kept) where old != path {
            unlink(old)
        }
    }
}
