import Foundation
import RubdownKit
import TestSupport
import Testing

/// Gates on safety, measured on data written blind (by people who never read Knowledge/ or the
/// detector) and split once at random. The tuning files were read while tuning and must pass
/// completely; the held-out files were never read and are reported as counts only, so nobody tunes
/// on them. The held-out gates sit just under the figures reached (see README, "Safety figures").
@Suite struct SafetyGateTests {
    static let tuningLines = ["safety-lines.tuning.jsonl", "safety-lines.tuning-2.jsonl", "safety-lines.tuning-3.jsonl"]

    func evaluate(_ name: String) throws -> Evaluation {
        let url = repositoryRoot.appendingPathComponent("Tests/Data/" + name)
        var evaluation = Evaluation()
        for item in try Evaluation.cases(file: url.path, text: String(contentsOf: url, encoding: .utf8)) {
            let got = shippedCoach.classify(item.text)
            evaluation.add(item, got, urgency: shippedCoach.safety.urgency(of: got.entities.redFlags))
        }
        return evaluation
    }

    @Test(arguments: tuningLines) func tuningLinesAreAllCaught(file: String) throws {
        let evaluation = try evaluate(file)
        #expect(evaluation.redFlagExpected >= 250)
        #expect(evaluation.redFlagCaught >= evaluation.redFlagExpected - Self.tuningMissesAllowed[file, default: 0], "\(evaluation.report(listing: 0))")
        #expect(evaluation.urgencyRight >= evaluation.urgencyExpected - Self.tuningMissesAllowed[file, default: 0] - 3, "\(evaluation.report(listing: 0))")
        #expect(Double(evaluation.falseRedFlags.count) <= 0.01 * Double(evaluation.redFlagFreeLines) + 1, "\(evaluation.report(listing: 0))")
    }

    /// Lines of the later tuning batches still missed, each named in the README with why.
    static let tuningMissesAllowed: [String: Int] = [:]

    @Test func heldOutLines() throws {
        let evaluation = try evaluate("safety-lines.held-out.jsonl")
        let counts = evaluation.report(listing: 0, countsOnly: true)
        #expect(evaluation.redFlagExpected == 262)
        #expect(Double(evaluation.redFlagCaught) >= Self.heldOutCaught * Double(evaluation.redFlagExpected), "\(counts)")
        #expect(Double(evaluation.falseRedFlags.count) <= Self.heldOutFalseFlags * Double(evaluation.redFlagFreeLines), "\(counts)")
    }

    static let heldOutCaught = 0.87
    static let heldOutFalseFlags = 0.09

    @Test func tuningConversationsReachSeekCareWithTheRightUrgency() throws {
        let runners = try SimulatedRunner.load("Tests/Data/safety-conversations.tuning.jsonl")
        #expect(runners.count >= 60)
        var failures: [String] = []
        for runner in runners { if let why = runner.run() { failures.append("\(runner.id): \(why)") } }
        let seekCareFailures = failures.filter { $0.hasPrefix("rf-") && !$0.contains("body parts") }
        #expect(seekCareFailures.isEmpty, "\(seekCareFailures)")
        #expect(failures.count <= 1, "\(failures)")
    }

    @Test func heldOutConversations() throws {
        let runners = try SimulatedRunner.load("Tests/Data/safety-conversations.held-out.jsonl")
        let passed = runners.filter { $0.run() == nil }.count
        #expect(runners.count == 63)
        #expect(Double(passed) >= Self.heldOutConversationPass * Double(runners.count), "held-out conversations: \(passed)/\(runners.count) passed")
    }

    static let heldOutConversationPass = 0.82
}
