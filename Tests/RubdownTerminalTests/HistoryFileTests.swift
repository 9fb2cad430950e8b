import Foundation
import TestSupport
import RubdownTerminal
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

    func historyFile(_ path: String, limit: Int = 1000, _ warnings: Warnings) -> HistoryFile {
        HistoryFile(path: path, limit: limit, warn: { warnings.all.append($0) })
    }

    func lines(_ path: String) -> [String] {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
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
        #expect(mode(path) == 0o600)
        #expect(mode(scratch.path("state/rubdown")) == 0o700)
    }

    @Test func anExistingFileOfOursIsMadePrivate() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        try "sore calves\n".write(toFile: path, atomically: false, encoding: .utf8)
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
        try "from before\n".write(toFile: path, atomically: false, encoding: .utf8)
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
        try (1...10).map { "line \($0)\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
        let warnings = Warnings()
        var file = historyFile(path, limit: 5, warnings)
        #expect(file.load() == (6...10).map { "line \($0)" })
        file.record("line 11")
        file.close()
        #expect(lines(path) == (7...11).map { "line \($0)" })
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
        try "sore calves\n".write(toFile: path, atomically: false, encoding: .utf8)
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
        let warnings = Warnings()
        var file = historyFile(path, warnings)
        #expect(file.load().isEmpty)
        file.record("my calves hurt")
        file.close()
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("not a text file") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test func unreadableLinesAreSkippedWithOneWarning() throws {
        let scratch = try Scratch()
        let path = scratch.path("history")
        var data = Data("good one\n".utf8)
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
}
