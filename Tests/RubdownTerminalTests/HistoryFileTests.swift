import Foundation
import RubdownTerminal
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The history file in-process: every problem is one warning and never stops the conversation.
/// Serialized: readline's history list is one global.
@Suite(.serialized) struct HistoryFileTests {
    /// A fresh folder for one test, removed afterwards.
    final class Scratch {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-history-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    }

    final class Warnings: @unchecked Sendable {
        var all: [String] = []
    }

    func historyFile(_ path: String, limit: Int = 1000, adoptsUnmarked: Bool = false, _ warnings: Warnings) -> HistoryFile {
        HistoryFile(path: path, limit: limit, adoptsUnmarked: adoptsUnmarked, warn: { warnings.all.append($0) })
    }

    /// The entries of a history file (the marker line is not one).
    func lines(_ path: String) -> [String] {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0 != HistoryFile.marker }
    }

    /// A history as Rubdown writes it: the marker line, then the entries.
    func writeHistory(_ entries: [String], to path: String) throws {
        try ([HistoryFile.marker] + entries).map { $0 + "\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// A session's whole use of the history at `path`: one warning saying `warning`, no history
    /// saved, and the file (at `check`, when `path` is a link to it) exactly as it was.
    func expectLeftAlone(
        _ path: String, warning: String, original: Data, at check: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load().isEmpty, sourceLocation: sourceLocation)
        file.record("my calves hurt")
        file.record("no")
        file.close()
        #expect(warnings.all.count == 1, "\(warnings.all)", sourceLocation: sourceLocation)
        #expect(warnings.all.first?.contains(warning) == true, "\(warnings.all)", sourceLocation: sourceLocation)
        #expect(!file.saving, sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: URL(fileURLWithPath: check ?? path)) == original, sourceLocation: sourceLocation)
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func createsTheFolder0700AndTheFile0600() throws {
        let scratch = try Scratch()
        let path = scratch.path("state/rubdown/history")
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load().isEmpty)
        file.record("my calves hurt")
        file.close()
        #expect(warnings.all.isEmpty)
        #expect(lines(path) == ["my calves hurt"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(HistoryFile.marker + "\n"))
        #expect(mode(path) == 0o600)
        #expect(mode(scratch.path("state/rubdown")) == 0o700)
    }

    @Test func anExistingFileOfOursIsMadePrivate() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        try writeHistory(["sore calves"], to: path)
        chmod(path, 0o644)
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load() == ["sore calves"])
        #expect(mode(path) == 0o600)
        #expect(warnings.all.isEmpty)
    }

    @Test func twoSessionsAtOnceBothKeepTheirLines() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        try writeHistory(["from before"], to: path)
        let warnings = Warnings()
        var first = historyFile(path, warnings)
        var second = historyFile(path, warnings)
        first.load()
        second.load()
        first.record("line from the first")
        second.record("line from the second")
        first.record("quit")
        first.close()
        second.record("another from the second")
        second.close()
        #expect(lines(path) == ["from before", "line from the first", "line from the second", "quit", "another from the second"])
        #expect(warnings.all.isEmpty)
    }

    @Test func theFileIsCutBackToTheLimitAtTheEnd() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        try writeHistory((1...10).map { "line \($0)" }, to: path)
        let warnings = Warnings()
        var file = historyFile(path, limit: 5, warnings)
        #expect(file.load() == (6...10).map { "line \($0)" })
        file.record("line 11")
        file.close()
        #expect(lines(path) == (7...11).map { "line \($0)" })
        #expect(
            try String(contentsOfFile: path, encoding: .utf8).hasPrefix(HistoryFile.marker + "\n"), "the cut file is still known as ours")
        #expect(mode(path) == 0o600)
    }

    @Test func aFolderThatCannotBeMadeIsOneWarning() throws {
        let scratch = try Scratch()
        let blocker = scratch.path("a-file")
        try "".write(toFile: blocker, atomically: false, encoding: .utf8)
        let warnings = Warnings()
        var file = historyFile(blocker + "/rubdown/history", warnings)
        #expect(file.load().isEmpty)
        file.record("my calves hurt")
        file.record("no")
        file.close()
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("cannot create the folder") == true)
        #expect(!file.saving)
    }

    @Test func aReadOnlyFileIsReadButNotWritten() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        try writeHistory(["sore calves"], to: path)
        try #require(makeReadOnly(path), "cannot make a read-only file here (root without chattr)")
        defer { _ = undoReadOnly(path) }
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load() == ["sore calves"])
        file.record("my calves hurt")
        file.record("no")
        file.close()
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("history will not be saved") == true)
        #expect(lines(path) == ["sore calves"])
    }

    @Test func aFullDiskIsOneWarningAtTheFirstLine() throws {
        let warnings = Warnings()
        let before = mode("/dev/full")
        var file = historyFile("/dev/full", warnings)
        #expect(file.load().isEmpty)
        #expect(warnings.all.isEmpty)
        file.record("my calves hurt")
        file.record("no")
        file.record("a dull ache")
        file.close()
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("No space left on device") == true)
        #expect(mode("/dev/full") == before, "a device's mode was changed")
    }

    @Test func devNullKeepsNothingAndSaysNothing() throws {
        let warnings = Warnings()
        let before = mode("/dev/null")
        var file = historyFile("/dev/null", warnings)
        #expect(file.load().isEmpty)
        file.record("my calves hurt")
        file.close()
        #expect(warnings.all.isEmpty)
        #expect(mode("/dev/null") == before, "a device's mode was changed")
    }

    @Test func aBinaryFileIsOneWarningAndLeftAlone() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        var bytes = [UInt8](repeating: 0, count: 3000)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 7919 &+ 13) }
        let original = Data(bytes)
        try original.write(to: URL(fileURLWithPath: path))
        try expectLeftAlone(path, warning: "not a text file", original: original)
    }

    @Test func unreadableLinesAreSkippedWithOneWarning() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        var data = Data((HistoryFile.marker + "\ngood one\n").utf8)
        data += Data([0xFF, 0xFE, 0x20, 0x62, 0x61, 0x64, 0x0A])  // not UTF-8
        data += Data("\u{1B}[31mescape\n#1700000000\nanother good\n\u{7}bell\n".utf8)
        try data.write(to: URL(fileURLWithPath: path))
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load() == ["good one", "another good"])
        file.record("my calves hurt")
        file.close()
        #expect(warnings.all == ["skipped 3 unreadable lines in the history file \(path)"])
        #expect(lines(path).last == "my calves hurt")
    }

    @Test func aHugeFileIsOneWarningAndLeftAlone() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(HistoryFile.maximumSize + 1)) == 0)  // sparse: quick to make
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load().isEmpty)
        file.record("my calves hurt")
        file.close()
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("too large") == true)
        var info = stat()
        stat(path, &info)
        #expect(Int(info.st_size) == HistoryFile.maximumSize + 1)
    }

    @Test func aFolderInsteadOfAFileIsOneWarning() throws {
        let scratch = try Scratch()
        let warnings = Warnings()
        var file = historyFile(scratch.folder.path, warnings)
        #expect(file.load().isEmpty)
        file.record("my calves hurt")
        file.close()
        #expect(warnings.all.count == 1)
    }

    @Test func aFileThatDisappearsIsMadeAgain() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        file.load()
        file.record("first")
        try FileManager.default.removeItem(atPath: path)
        file.record("second")
        file.close()
        #expect(lines(path) == ["second"])
        #expect(mode(path) == 0o600)
        #expect(warnings.all.isEmpty)
    }

    // MARK: what is not ours is left untouched

    /// A user's notes, as `RUBDOWN_HISTORY` might point at by mistake: longer than the limit, 0644.
    func notes(at path: String) throws -> Data {
        let original = Data((1...1500).map { "note \($0): remember to book the physio\n" }.joined().utf8)
        try original.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        return original
    }

    /// A history path that is a symbolic link (to the runner's own text file) is never followed:
    /// the file is not read, made 0600, appended to or cut; one warning, and no history.
    @Test func aSymbolicLinkIsLeftUntouched() throws {
        let scratch = try Scratch()
        let target = scratch.path("notes.txt")
        let link = scratch.path("history")
        let original = try notes(at: target)
        #expect(symlink(target, link) == 0)
        try expectLeftAlone(link, warning: "symbolic link", original: original, at: target)
        #expect(mode(target) == 0o644)
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link itself was replaced")
    }

    /// A text file that was not written as a Rubdown history (no marker line) is not a history:
    /// not read, not made 0600, not appended to, never cut back to the last lines.
    @Test func aTextFileThatIsNotAHistoryIsLeftUntouched() throws {
        let scratch = try Scratch()
        let path = scratch.path("notes.txt")
        let original = try notes(at: path)
        try expectLeftAlone(path, warning: "does not look like a Rubdown history", original: original)
        #expect(mode(path) == 0o644)
    }

    /// At Rubdown's own path, a history written by an older Rubdown (no marker) is kept: it is
    /// read, given the marker, and cut back to the newest lines.
    @Test func anOlderHistoryAtTheOwnPathIsAdopted() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        try (1...10).map { "line \($0)\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        let warnings = Warnings()
        var file = historyFile(path, limit: 5, adoptsUnmarked: true, warnings)
        #expect(file.load() == (6...10).map { "line \($0)" })
        file.record("line 11")
        file.close()
        #expect(warnings.all.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(HistoryFile.marker + "\n"))
        #expect(lines(path) == (7...11).map { "line \($0)" })
        #expect(mode(path) == 0o600)
    }
}
