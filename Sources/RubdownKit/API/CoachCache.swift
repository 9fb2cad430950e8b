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
        guard let identity = executableIdentity(), let folder = XDGPaths(environment: environment).cache else { return nil }
        return CoachCache(folder: folder, buildIdentity: identity)
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

    /// The largest snapshot read: far above any real one (a 10,000-intent table makes a few MB).
    static let largestSnapshot = 256 << 20

    /// A snapshot's bytes, or nil. Only a regular file is read, opened without blocking or
    /// following a link (see `PrivateFile.read`), so a FIFO at the path never hangs a start.
    private static func read(_ path: String) -> [UInt8]? {
        guard case .bytes(let bytes) = PrivateFile.read(path, limit: largestSnapshot), !bytes.isEmpty else { return nil }
        return bytes
    }

    /// How many folder entries one pruning looks at: a folder stuffed with other files costs a
    /// bounded time per start, and later starts see the rest.
    public static let entriesLookedAt = 256

    /// Writes the snapshot (privately and atomically, through `PrivateFile`), then keeps only the
    /// `kept` most recently used. Failing quietly is right: the cache only saves time.
    private func save(_ bytes: [UInt8], to path: String) {
        guard (try? PrivateFile.write(bytes, to: path)) != nil else { return }
        prune(keeping: path)
    }

    /// Removes the least recently used snapshots beyond `kept`, and temporary files a process
    /// killed while writing left behind, among at most `entriesLookedAt` entries of the folder.
    func prune(keeping current: String) {
        guard let directory = opendir(folder) else { return }
        var snapshots: [(path: String, modified: Int)] = []
        var looked = 0
        let now = Int(time(nil))
        while looked < Self.entriesLookedAt, let entry = readdir(directory) {
            looked += 1
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let isSnapshot = name.hasPrefix("coach-") && name.hasSuffix(".snapshot")
            let isLeftOver = name.hasPrefix(".coach-") && name.hasSuffix(".tmp")
            guard isSnapshot || isLeftOver else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if isSnapshot {
                snapshots.append((path, Int(info.st_mtim.tv_sec)))
            } else if Int(info.st_mtim.tv_sec) < now - 600 {
                unlink(path)
            }
        }
        closedir(directory)
        guard snapshots.count > Self.kept else { return }
        for old in snapshots.sorted(by: { $0.modified > $1.modified }).dropFirst(Self.kept) where old.path != current {
            unlink(old.path)
        }
    }
}
