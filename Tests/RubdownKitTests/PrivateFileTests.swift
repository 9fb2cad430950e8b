import Foundation
import RubdownKit
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The one helper that writes and reads the runner's files.
@Suite struct PrivateFileTests {
    final class Scratch {
        let folder: String
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-private-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: folder) }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func replacesAFileWithAPrivateOneAndLeavesNothingElse() throws {
        let scratch = try Scratch()
        let path = scratch.folder + "/plan.md"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        try PrivateFile.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(mode(path) == 0o600)
        #expect(scratch.names == ["plan.md"])
        // Its folder is made, private, when missing.
        try PrivateFile.write(Array("x".utf8), to: scratch.folder + "/a/b/journal.json")
        #expect(mode(scratch.folder + "/a") == 0o700 && mode(scratch.folder + "/a/b") == 0o700)
    }

    /// A write that fails keeps the old file as it was, leaves no temporary file, and says which
    /// file and what to do.
    @Test func aFailedWriteKeepsTheOldFileAndSaysWhatToDo() throws {
        let scratch = try Scratch()
        let path = scratch.folder + "/journal.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try #require(makeReadOnly(scratch.folder), "cannot make a read-only folder here")
        defer { _ = geteuid() == 0 ? undoReadOnly(scratch.folder) : chmod(scratch.folder, 0o700) == 0 }
        #expect(throws: PrivateFile.WriteFailure.self) { try PrivateFile.write(Array("new".utf8), to: path) }
        do {
            try PrivateFile.write(Array("new".utf8), to: path)
        } catch {
            #expect(error.path == path)
            #expect(error.message(saving: "the journal").hasPrefix("could not save the journal to \(path): "))
            #expect(error.advice.contains(scratch.folder))
        }
        _ = geteuid() == 0 ? undoReadOnly(scratch.folder) : chmod(scratch.folder, 0o700) == 0
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(scratch.names == ["journal.json"])
    }

    /// Reads take only a regular file: never through a link, never blocking on a FIFO.
    @Test(.timeLimit(.minutes(1))) func readsOnlyARegularFileWithoutBlocking() throws {
        let scratch = try Scratch()
        let file = scratch.folder + "/file"
        let link = scratch.folder + "/link"
        let fifo = scratch.folder + "/fifo"
        try "text".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(symlink(file, link) == 0)
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(PrivateFile.read(file, limit: 100) == .bytes(Array("text".utf8)))
        #expect(PrivateFile.read(file, limit: 3) == .tooLarge)
        #expect(PrivateFile.read(link, limit: 100) == .notRegular)
        #expect(PrivateFile.read(fifo, limit: 100) == .notRegular)
        #expect(PrivateFile.read(scratch.folder, limit: 100) == .notRegular)
        #expect(PrivateFile.read(scratch.folder + "/missing", limit: 100) == .missing)
        #expect(PrivateFile.read(file + "/below-a-file", limit: 100) == .missing)
    }

    @Test func theFolderOfAPath() {
        #expect(PrivateFile.folder(of: "/a/b/c.json") == "/a/b")
        #expect(PrivateFile.folder(of: "/c.json") == "/")
        #expect(PrivateFile.folder(of: "c.json") == ".")
        #expect(PrivateFile.folder(of: "a/b/") == "a")
    }

    @Test func relativeXDGVariablesAreIgnored() {
        let paths = XDGPaths(environment: ["HOME": "/home/r", "XDG_STATE_HOME": "state", "XDG_CONFIG_HOME": ""])
        #expect(paths.state == "/home/r/.local/state/rubdown")
        #expect(paths.config == "/home/r/.config/rubdown")
        #expect(XDGPaths(environment: ["XDG_CONFIG_HOME": "/c"]).config == "/c/rubdown")
        #expect(XDGPaths(environment: ["XDG_STATE_HOME": "rel"]).state == nil)
    }
}

/// How a session's journal changes meet what other sessions wrote meanwhile.
@Suite struct JournalMergeTests {
    let day = 86_400.0
    func entry(_ daysAgo: Double, _ area: String = "calves", now: Date = Date()) -> Journal.Entry {
        Journal.Entry(date: now.addingTimeInterval(-daysAgo * day), areas: [area], level: "self-care", painLevel: nil)
    }

    @Test func eachSessionAddsItsOwnEntriesToWhatIsThere() {
        let start = Journal(consent: nil, entries: [])
        var current = start
        // Twenty sessions that all loaded the empty journal, consent and add one entry each.
        for index in 0..<20 {
            let after = Journal(consent: true, entries: [entry(0, "area-\(index)")])
            current = Journal.merge(from: start, to: after, onto: current)
        }
        #expect(current.entries.count == 20)
        #expect(current.consent == true)
    }

    @Test func forgettingErasesTheJournalKeepingOnlyLaterEntries() {
        let before = Journal(consent: true, entries: [entry(3), entry(2)])
        let onDisk = Journal(consent: true, entries: [entry(3), entry(2), entry(1, "knees")])
        let after = Journal(consent: true, entries: [entry(0, "hips")])
        #expect(Journal.merge(from: before, to: after, onto: onDisk).entries.map(\.areas) == [["hips"]])
    }

    @Test func tidyingPrunesAndBringsTheFutureToToday() {
        let now = Date()
        let old = (0..<3).map { _ in entry(800, now: now) }
        let many = (0..<(Journal.keptEntries + 50)).map { entry(Double(200 - $0 % 200), now: now) }
        let future = entry(-171, now: now)
        let tidied = Journal(consent: true, entries: old + many + [future]).tidied(now: now)
        #expect(tidied.entries.count == Journal.keptEntries)
        #expect(tidied.entries.allSatisfy { now.timeIntervalSince($0.date) <= Double(Journal.keptDays) * day && $0.date <= now })
        #expect(tidied.entries.last?.date == now)
    }
}
