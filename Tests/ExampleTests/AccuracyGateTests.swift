import Foundation
import RubdownKit
import TestSupport
import Testing

/// Regression gates on understanding, just under the figures reached (see README): a change
/// that makes Rubdown understand runners worse, or answer out-of-scope questions, fails CI.
@Suite struct AccuracyGateTests {
    static let clinc = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/clinc150")
    static var clincPresent: Bool { FileManager.default.fileExists(atPath: clinc.path) }

    func evaluate(_ url: URL) throws -> Evaluation {
        let text = try String(contentsOf: url, encoding: .utf8)
        var evaluation = Evaluation()
        for item in try Evaluation.cases(file: url.path, text: text) { evaluation.add(item, shippedCoach.classify(item.text)) }
        return evaluation
    }

    @Test func developmentSet() throws {
        let evaluation = try evaluate(repositoryRoot.appendingPathComponent("Tests/Data/dev-set.jsonl"))
        #expect(evaluation.total >= 300)
        #expect(evaluation.inScopeAccuracy >= 0.95, "\(evaluation.report(listing: 30))")
        #expect((evaluation.outOfScopeRecall ?? 0) >= 0.95, "\(evaluation.report(listing: 30))")
        #expect(evaluation.redFlagExpected >= 30)
        #expect(evaluation.redFlagCaught == evaluation.redFlagExpected, "red flags missed: \(evaluation.redFlagMissed.map(\.text))")
        #expect(evaluation.falseRedFlags.isEmpty, "red flags raised on: \(evaluation.falseRedFlags.map(\.text))")
    }

    @Test(
        .enabled(if: clincPresent, "../shared/data/clinc150 is not here"), arguments: ["oos_test.jsonl", "inscope_test_sample1000.jsonl"])
    func clincIsDeclined(file: String) throws {
        let evaluation = try evaluate(Self.clinc.appendingPathComponent(file))
        #expect(evaluation.total == 1000)
        // (Issue 13's target: at least 98% declined in both files; 98.5% and 99.2% with the scope model.)
        #expect((evaluation.outOfScopeRecall ?? 0) >= 0.98, "\(evaluation.report(listing: 30))")
    }

    /// Issue 13's blind data: lines and conversations written from a plain description by someone
    /// who never read Intents/, Knowledge/ or the code, split once at random. The held-out halves
    /// are never read and are reported as counts only. Gates sit just under the figures reached
    /// (README, "Understanding figures").
    @Test(arguments: [
        ("understanding-lines.tuning.jsonl", 255, 0.96, 0.95), ("understanding-lines.tuning-2.jsonl", 255, 0.965, 0.965),
        ("understanding-lines.tuning-3.jsonl", 270, 0.955, 0.94), ("understanding-lines.tuning-4.jsonl", 270, 0.98, 0.895),
        ("understanding-lines.tuning-5.jsonl", 270, 0.98, 0.965), ("understanding-lines.tuning-6.jsonl", 490, 0.935, 0.95),
        ("understanding-lines.tuning-7.jsonl", 500, 0.95, 0.935), ("understanding-lines.tuning-8.jsonl", 572, 0.93, 0.915),
        ("understanding-lines.tuning-9.jsonl", 661, 0.925, 0.895), ("understanding-lines.tuning-10.jsonl", 696, 0.94, 0.945),
        ("understanding-lines.tuning-11.jsonl", 801, 0.96, 0.96), ("understanding-lines.tuning-12.jsonl", 817, 0.935, 0.94),
        ("understanding-lines.tuning-13.jsonl", 807, 0.94, 0.96),
    ])
    func blindLinesTuningHalf(file: String, count: Int, inScope: Double, outOfScope: Double) throws {
        let evaluation = try evaluate(repositoryRoot.appendingPathComponent("Tests/Data/" + file))
        #expect(evaluation.total == count)
        #expect(evaluation.inScopeAccuracy >= inScope, "\(evaluation.report(listing: 40))")
        #expect((evaluation.outOfScopeRecall ?? 0) >= outOfScope, "\(evaluation.report(listing: 40))")
    }

    @Test func blindLinesHeldOut() throws {
        let evaluation = try evaluate(repositoryRoot.appendingPathComponent("Tests/Data/understanding-lines.held-out.jsonl"))
        let counts = evaluation.report(listing: 0, countsOnly: true)
        #expect(evaluation.total == 794)
        // The eighteenth batch (session 17; the seventeenth is now tuning-13) at 16b0575: 94.3% in scope, 93.3% out of
        // scope; at the session's end 94.5% and 93.3% (counts only).
        #expect(evaluation.inScopeAccuracy >= 0.94, "\(counts)")
        #expect((evaluation.outOfScopeRecall ?? 0) >= 0.93, "\(counts)")
    }

    @Test(arguments: [
        ("conversations.tuning.jsonl", 96, 0.96), ("conversations.tuning-2.jsonl", 96, 0.98), ("conversations.tuning-3.jsonl", 100, 0.98),
        ("conversations.tuning-4.jsonl", 100, 0.97), ("conversations.tuning-5.jsonl", 100, 0.975),
        ("conversations.tuning-6.jsonl", 202, 0.97), ("conversations.tuning-7.jsonl", 222, 0.96),
        ("conversations.tuning-8.jsonl", 243, 0.965), ("conversations.tuning-9.jsonl", 274, 0.955),
        ("conversations.tuning-10.jsonl", 273, 0.94), ("conversations.tuning-11.jsonl", 273, 0.92),
        ("conversations.tuning-12.jsonl", 270, 0.94), ("conversations.tuning-13.jsonl", 270, 0.91),
        // (held-out, the eighteenth batch: 255 of 270 at 16b0575 through ../shared/tools/simulated_runner.py, 253 here;
        // 255 in both at the session's end)
        ("conversations.held-out.jsonl", 270, 0.94),
    ])
    func blindConversations(file: String, count: Int, gate: Double) throws {
        let runners = try SimulatedRunner.load("Tests/Data/" + file)
        let passed = runners.filter { $0.run() == nil }.count
        #expect(runners.count == count)
        print("\(file): \(passed)/\(runners.count) conversations passed")
        // Counts only: the held-out half's texts are never printed.
        #expect(Double(passed) >= gate * Double(runners.count), "\(file): \(passed)/\(runners.count) passed")
    }

    @Test func devSetLinesAreNotInTheIntentTable() throws {
        let examples = Set(shippedCoach.content.intents.intents.flatMap(\.examples).map(Self.key))
        let overlap = try devSetCases().filter { examples.contains(Self.key($0.text)) }
        #expect(overlap.isEmpty, "dev-set lines copied into Intents/: \(overlap.map(\.text))")
    }

    static func key(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }.split(separator: " ").joined(separator: " ")
    }
}
