import Foundation
import Testing

/// The journal across runs of the real binary: consent asked once, kept 0600 and written
/// atomically, read back the next time, set aside when damaged, erased on request.
@Suite struct JournalTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-journal-\(UUID().uuidString)")
    var journal: URL { home.appendingPathComponent("state/rubdown/journal.json") }

    /// The binary with this suite's home, so the journal persists from one run to the next.
    func run(_ arguments: [String] = [], _ input: String) throws -> BinaryTests.Result {
        try BinaryTests().run(arguments, input: input, home: home.path)
    }

    let intake = "my calves hurt after a 10k yesterday\nno\ndull\n3\nsame\n"

    @Test func consentKeepsAPrivateJournalThatTheNextRunAsksAbout() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try run([], intake + "yes\n")
        #expect(first.status == 0)
        #expect(first.stdout.contains("keep a private note"))
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try run([], "journal\n")
        #expect(second.stdout.hasPrefix("Welcome back."))
        #expect(second.stdout.contains("calves were sore"))
        #expect(second.stdout.contains("calves, self-care, pain 3/10"))
        // Asked once: the second intake does not ask again.
        let third = try run(["--json"], intake)
        #expect(!third.stdout.contains("keep a private note"))
        // "forget it", "ugh forget it" erase nothing (a new user lost the journal to one); "forget my journal" does.
        let kept = try run([], "forget it\nugh forget it\njournal\n")
        #expect(kept.stdout.contains("calves, self-care, pain 3/10") && kept.stdout.contains("Nothing is erased"), "\(kept.stdout)")
        #expect(!kept.stdout.contains("Done: your journal is erased"), "\(kept.stdout)")
        let forget = try run([], "forget my journal\njournal\n")
        #expect(forget.stdout.contains("Your journal is empty."))
    }

    @Test func noMeansNoJournalAndNoQuestionAgain() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try run([], intake + "no\n")
        let again = try run([], intake)
        #expect(!again.stdout.contains("keep a private note"))
        #expect(!again.stdout.contains("Welcome back"))
    }

    @Test func noJournalFlagAsksNothingAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try run(["--no-journal"], intake + "yes\n")
        #expect(!result.stdout.contains("keep a private note"))
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test func aDamagedJournalIsSetAsideWithAWarning() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: journal.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{ not json".write(to: journal, atomically: true, encoding: .utf8)
        let result = try run([], "hello\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("was damaged; it is set aside"))
        let names = try FileManager.default.contentsOfDirectory(atPath: journal.deletingLastPathComponent().path)
        #expect(names.contains { $0.hasPrefix("journal.json.damaged-") })
    }

    @Test func sorenessSeveralDaysRunningMovesTheAdviceToCaution() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: journal.deletingLastPathComponent(), withIntermediateDirectories: true)
        let day = 86_400.0
        let dates = [6.0, 4.0, 2.0].map { ISO8601DateFormatter().string(from: Date().addingTimeInterval(-$0 * day)) }
        let entries = dates.map { "{\"date\": \"\($0)\", \"areas\": [\"calves\"], \"level\": \"self-care\"}" }.joined(separator: ",")
        try "{\"consent\": true, \"entries\": [\(entries)]}".write(to: journal, atomically: true, encoding: .utf8)
        let result = try run(["--json"], intake)
        let last = try #require(result.stdout.split(separator: "\n").last)
        let object = try #require(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let triage = object["triage"] as? [String: Any]
        #expect(triage?["level"] as? String == "caution")
        #expect((triage?["reasons"] as? [String])?.contains { $0.hasPrefix("not-easing:calves") } == true)
    }
}
