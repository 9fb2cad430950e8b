import Foundation
import RubdownKit
import TestSupport
import Testing

/// Gates on safety, measured on data written blind (by people who never read Knowledge/ or the
/// detector) and split once at random. The tuning files were read while tuning and must pass
/// completely; the held-out files were never read and are reported as counts only, so nobody tunes
/// on them. The held-out gates sit just under the figures reached (see README, "Safety figures").
@Suite struct SafetyGateTests {
    static let tuningLines = [
        "safety-lines.tuning.jsonl", "safety-lines.tuning-2.jsonl", "safety-lines.tuning-3.jsonl", "safety-lines.tuning-4.jsonl",
        "safety-lines.tuning-5.jsonl", "safety-lines.tuning-6.jsonl", "safety-lines.tuning-7.jsonl", "safety-lines.tuning-8.jsonl",
        "safety-lines.tuning-9.jsonl", "safety-lines.tuning-10.jsonl", "safety-lines.tuning-11.jsonl",
        "safety-lines.tuning-12.jsonl", "safety-lines.tuning-13.jsonl", "safety-lines.tuning-14.jsonl", "safety-lines.tuning-15.jsonl",
        "safety-lines.tuning-16.jsonl", "safety-lines.tuning-17.jsonl", "safety-lines.tuning-18.jsonl",
        "safety-lines.tuning-19.jsonl", "safety-lines.tuning-20.jsonl", "safety-lines.tuning-21.jsonl", "safety-lines.tuning-22.jsonl",
        "safety-lines.tuning-23.jsonl",
    ]

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
        let allowed = Self.tuningMissesAllowed[file, default: 0]
        // (tuning-11, -12 and -14 are mostly look-alikes: 90, 70 and 60 red flags among 260 lines.)
        #expect(evaluation.redFlagExpected >= 60 && evaluation.redFlagExpected + evaluation.redFlagFreeLines >= 250)
        #expect(evaluation.redFlagCaught >= evaluation.redFlagExpected - allowed, "\(evaluation.report(listing: 40))")
        #expect(evaluation.urgencyRight >= evaluation.urgencyExpected - allowed - 4, "\(evaluation.report(listing: 40))")
        let falseFlagsAllowed = max(Int(0.01 * Double(evaluation.redFlagFreeLines)), Self.tuningFalseFlagsAllowed[file, default: 0])
        #expect(evaluation.falseRedFlags.count <= falseFlagsAllowed, "\(evaluation.report(listing: 40))")
    }

    /// tuning-16 (session 9) is a blind batch of 226 look-alikes written to find what is wrongly flagged: 44 were
    /// flagged when it was first measured. Eleven still are, each a reading not made: another person's sign now
    /// ("my husband's knee locks all the time", a dog's cut paw, a child carried to the car), a friend named only by
    /// name, "mine never go numb" (the negation stops at "go"), two general questions whose rest names a sign, one
    /// supposed sign with "now" in the line, and three of the runner's own healed injuries told without a word of
    /// healing ("in my 20s", "learned my lesson", "decades ago now"): a reviewer showed that reading "now it's just..."
    /// or "in my 40s" as healed hid real signs, so those readings were taken out.
    /// tuning-17 (the eleventh batch, session 10): 20 of 235 flagged when it joined, 7 now: signs that passed at once
    /// ("toes went numb in the cold ... warmed up straight away", "breathless during the 400s but fine about a minute
    /// after"), whose veto words a reviewer showed would silence other signs in the same line, another person's named
    /// condition beside "mine's fine", the runner's own teenage fracture told beside a son's sore legs, a graze from
    /// tripping, and a doctor's all clear after listening to the chest.
    /// tuning-18 (the twelfth batch, session 11): 24 of 250 flagged when it joined.
    /// tuning-19 (the thirteenth batch, session 12): 25 of 250 flagged when it joined.
    /// tuning-20 (the fourteenth batch, session 13): 23 of 250 flagged when it joined.
    /// tuning-21 (the fifteenth batch, session 14): 12 of 250 flagged when it joined.
    /// tuning-22 (the sixteenth batch, session 15): 7 of 250 flagged when it joined.
    /// tuning-23 (the seventeenth batch, session 17): 9 of 250 flagged when it joined.
    /// Session 16 took five batches' allowances down to what is left: a stranger's story or something read or watched,
    /// beside the runner's own complaint, no longer flags. Session 17 took four more down (figures of speech per sign and
    /// clause, 'skin' no graze).
    static let tuningFalseFlagsAllowed: [String: Int] = [
        "safety-lines.tuning-16.jsonl": 11, "safety-lines.tuning-17.jsonl": 5, "safety-lines.tuning-18.jsonl": 18,
        "safety-lines.tuning-19.jsonl": 20, "safety-lines.tuning-20.jsonl": 16, "safety-lines.tuning-21.jsonl": 11,
        "safety-lines.tuning-22.jsonl": 6, "safety-lines.tuning-23.jsonl": 3,
    ]

    /// The first tuning half must be caught whole. The later blind batches were added as tuning data
    /// after they had been measured fresh (see README, "Safety figures"); these many of their lines are
    /// still missed, most of them one-line answers ("nah, more like coffee") that need the conversation's
    /// question to be read, which the conversations below cover.
    static let tuningMissesAllowed: [String: Int] = [
        "safety-lines.tuning-2.jsonl": 0, "safety-lines.tuning-3.jsonl": 0, "safety-lines.tuning-4.jsonl": 0,
        "safety-lines.tuning-5.jsonl": 5, "safety-lines.tuning-6.jsonl": 0, "safety-lines.tuning-7.jsonl": 0,
        "safety-lines.tuning-8.jsonl": 0, "safety-lines.tuning-9.jsonl": 0,
        "safety-lines.tuning-10.jsonl": 1, "safety-lines.tuning-12.jsonl": 1,
        "safety-lines.tuning-13.jsonl": 1, "safety-lines.tuning-15.jsonl": 5, "safety-lines.tuning-16.jsonl": 0,
        "safety-lines.tuning-17.jsonl": 2, "safety-lines.tuning-18.jsonl": 13, "safety-lines.tuning-19.jsonl": 8,
        "safety-lines.tuning-20.jsonl": 18, "safety-lines.tuning-21.jsonl": 19, "safety-lines.tuning-22.jsonl": 11,
        "safety-lines.tuning-23.jsonl": 13,
    ]

    @Test func heldOutLines() throws {
        let evaluation = try evaluate("safety-lines.held-out.jsonl")
        let counts = evaluation.report(listing: 0, countsOnly: true)
        #expect(evaluation.redFlagExpected == 452)
        #expect(Double(evaluation.redFlagCaught) >= Self.heldOutCaught * Double(evaluation.redFlagExpected), "\(counts)")
        #expect(Double(evaluation.falseRedFlags.count) <= Self.heldOutFalseFlags * Double(evaluation.redFlagFreeLines), "\(counts)")
    }

    // A new held-out set (the eighteenth batch, session 17; the seventeenth is now tuning-23): 437 of 452 caught with
    // the right sign (96.7%), and 15 of 250 look-alikes flagged (6.0%) when first measured at 16b0575, the same at the
    // session's end. The targets are 97% and 1%.
    static let heldOutCaught = 0.965
    static let heldOutFalseFlags = 0.06

    @Test(arguments: ["safety-conversations.tuning.jsonl", "safety-conversations.tuning-2.jsonl"])
    func tuningConversationsReachSeekCareWithTheRightUrgency(file: String) throws {
        let runners = try SimulatedRunner.load("Tests/Data/" + file)
        #expect(runners.count >= 60)
        var failures: [String] = []
        for runner in runners { if let why = runner.run() { failures.append("\(runner.id): \(why)") } }
        // Every red-flag conversation ends at seek-care with the right urgency (a body-part label aside).
        let seekCareFailures = failures.filter { $0.contains("rf-") && !$0.contains("body parts") }
        #expect(seekCareFailures.isEmpty, "\(seekCareFailures)")
        #expect(failures.count <= 2, "\(failures)")
    }

    /// The earlier held-out conversations, now tuning data, gated at the failures left (session 15's end). Most that still
    /// fail tell their only sign in answer to a question Rubdown does not ask of that area (where it hurts, when the
    /// opening already said; the urine, after a short run).
    @Test(arguments: [
        ("safety-conversations.tuning-3.jsonl", 63, 0), ("safety-conversations.tuning-4.jsonl", 66, 1),
        ("safety-conversations.tuning-5.jsonl", 66, 3), ("safety-conversations.tuning-6.jsonl", 66, 0),
        ("safety-conversations.tuning-7.jsonl", 159, 4), ("safety-conversations.tuning-8.jsonl", 154, 3),
        ("safety-conversations.tuning-9.jsonl", 154, 8), ("safety-conversations.tuning-10.jsonl", 150, 12),
        ("safety-conversations.tuning-11.jsonl", 150, 8), ("safety-conversations.tuning-12.jsonl", 150, 14),
        ("safety-conversations.tuning-13.jsonl", 150, 14), ("safety-conversations.tuning-14.jsonl", 150, 21),
    ])
    func laterTuningConversations(file: String, count: Int, failuresAllowed: Int) throws {
        let runners = try SimulatedRunner.load("Tests/Data/" + file)
        let failures = runners.compactMap { runner in runner.run().map { "\(runner.id): \($0)" } }
        #expect(runners.count == count)
        print("\(file): \(runners.count - failures.count)/\(runners.count) conversations passed")
        #expect(failures.count <= failuresAllowed, "\(failures)")
    }

    @Test func heldOutConversations() throws {
        let runners = try SimulatedRunner.load("Tests/Data/safety-conversations.held-out.jsonl")
        let passed = runners.filter { $0.run() == nil }.count
        #expect(runners.count == 150)
        print("safety-conversations.held-out.jsonl: \(passed)/\(runners.count) conversations passed")  // counts only
        #expect(
            Double(passed) >= Self.heldOutConversationPass * Double(runners.count),
            "held-out conversations: \(passed)/\(runners.count) passed")
    }

    // The eighteenth batch (session 17): 133 of 150 (88.7%) when first measured at 16b0575 through
    // ../shared/tools/simulated_runner.py, 133 here; at the session's end 134 in both. The target is 95%.
    static let heldOutConversationPass = 0.89
}
