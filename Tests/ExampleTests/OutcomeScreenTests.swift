import Foundation
import RubdownKit
import RubdownTerminal
import TestSupport
import Testing

/// Issue 13, part 6: an outcome a runner reads on one screen, the rest on request ("more", "why").
@Suite struct OutcomeScreenTests {
    /// Every self-care and caution outcome the stories and the tuning conversations reach.
    static func outcomes() throws -> [(name: String, turn: Turn)] {
        var found: [(String, Turn)] = []
        for story in try shippedStories() {
            for turn in converse(story.inputs) where turn.triage != nil && turn.triage?.level != .seekCare {
                found.append((story.name, turn))
            }
        }
        for runner in try SimulatedRunner.load("Tests/Data/conversations.tuning.jsonl") {
            if let turn = runner.turns().last, let outcome = turn.triage, outcome.level != .seekCare {
                found.append((runner.id, turn))
            }
        }
        return found
    }

    static func lines(_ text: String) -> Int {
        Wrapper.wrap(text, width: 80).split(separator: "\n", omittingEmptySubsequences: false).count
    }

    @Test func everyOutcomeFitsOnOneScreen() throws {
        let outcomes = try Self.outcomes()
        #expect(outcomes.count >= 100, "the bound is checked over many outcomes")
        #expect(outcomes.contains { $0.turn.triage?.level == .caution } && outcomes.contains { $0.turn.triage?.level == .selfCare })
        let long = outcomes.filter { Self.lines($0.turn.reply) > 15 }
        #expect(
            long.isEmpty,
            "outcomes over 15 lines at 80 columns:\n\(long.map { "\($0.name): \(Self.lines($0.turn.reply)) lines\n\($0.turn.reply)" }.joined(separator: "\n\n"))"
        )
    }

    @Test func everyOutcomeHasItsParts() throws {
        // (An outcome identical to one a turn or two before is shortened to "As above": aCardAskedForTwice...)
        for (name, turn) in try Self.outcomes() where !turn.reply.hasPrefix("As above") {
            let reply = turn.reply
            #expect(reply.contains("Bath:"), "\(name): no bath")
            #expect(reply.contains("Skip "), "\(name): a bath without who should skip it")
            #expect(reply.contains("\"more\"") && reply.contains("\"why\""), "\(name): no offer of more and why")
            #expect(!reply.contains("your ."), "\(name): an empty slot")
            // Firm work is never suggested beside "go carefully" without the GP line.
            if reply.contains("Pressing") || reply.contains("Foam roller") || reply.contains("Drumming") {
                #expect(reply.contains("blood thinners"), "\(name): firm massage without its contraindications")
            }
        }
    }

    /// Strong or sharp pain keeps hands off, whatever caution route also applies (dark-yellow urine used to
    /// list the whole routine at 9 out of 10), and a routine asked for afterwards agrees.
    @Test func severePainGetsNoFirmWork() {
        let turns = converse([
            "my calves are sore and my pee is dark yellow", "no", "sharp", "9", "yesterday", "about the same", "10k",
            "give me a post-run routine",
        ])
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.triage?.level == .caution)
        for turn in [outcome, turns.last].compactMap({ $0 }) {
            #expect(turn.reply.contains("Stroking"))
            for firm in ["Pressing", "Drumming", "Foam roller", "Tennis ball"] {
                #expect(!turn.reply.contains(firm), "\(firm) beside 'go carefully': \(turn.reply)")
            }
        }
    }

    @Test func moreAddsTheRestAndSaysWhatItAdded() {
        let turns = converse(["my calves hurt after a 10k", "no", "a dull ache", "4", "yesterday", "same", "more"])
        let outcome = turns[5]
        let more = turns[6]
        #expect(more.intent == "triage.more")
        #expect(more.triage == nil, "more is not a second outcome")
        for part in [
            "Tennis ball", "Top up your fluids", "varicose veins (never press", "chiropractor", "Your calves:", "drinking alcohol",
        ] {
            #expect(more.reply.contains(part), "more lacks \(part)")
            #expect(!outcome.reply.contains(part), "the outcome already had \(part)")
        }
        #expect(more.knowledgeUsed.contains("guidance:hydrate-move"))
        #expect(more.knowledgeUsed.contains("techniques:tennis-ball"))
        // The outcome's provenance names what it showed, and only that.
        #expect(!outcome.knowledgeUsed.contains("techniques:tennis-ball"))
        #expect(!outcome.knowledgeUsed.contains("guidance:hydrate-move"))
        #expect(outcome.knowledgeUsed.contains("guidance:massage-contraindications-short"))
    }

    @Test func whyExplainsTheVerdictFromTheFacts() {
        let turns = converse(["my hamstrings hurt", "no", "sharp", "8", "yesterday", "about the same", "10k", "normal", "why?"])
        let why = turns.last!
        #expect(turns[turns.count - 2].triage?.level == .caution)
        #expect(why.intent == "core.why")
        #expect(why.reply.contains("You told me: your hamstrings"))
        #expect(why.reply.contains("8 out of 10"))
        #expect(why.reply.contains("Sharp pain"))
        #expect(why.reply.contains("7 or more"))
        #expect(why.knowledgeUsed.contains("guidance:why-sharp"))
    }

    @Test func moreAndWhyBeforeAnyOutcome() {
        for (line, plugin) in [("more", "triage"), ("tell me more", "triage"), ("why", "core"), ("how do you know", "core")] {
            let turn = converse([line]).last!
            #expect(!turn.reply.isEmpty)
            #expect(turn.plugin == plugin, "\(line) went to \(turn.plugin)")
            #expect(turn.reply.contains("Tell me what's sore"), "\(line): \(turn.reply)")
        }
    }

    @Test func aCardAskedForTwiceIsNotRepeatedWordForWord() {
        let turns = converse(["how do I do drumming?", "explain drumming please", "explain drumming please"])
        #expect(turns[0].reply.split(separator: "\n").count >= 8)
        #expect(turns[1].reply.hasPrefix("As above"))
        #expect(turns[1].reply.contains("Drumming"))
        // The very same line again asks to see it again (the screen may have been cleared): in full.
        #expect(turns[2].reply == turns[0].reply)
        let more = converse(["my calves hurt after a 10k", "no", "a dull ache", "4", "yesterday", "same", "more", "tell me more"])
        #expect(more[7].reply.hasPrefix("As above"))
        #expect(more[7].reply.split(separator: "\n").count == 1)
        // "and the other leg?" gives the same outcome: the verdict line only.
        let other = converse(["my calves hurt after a 10k yesterday", "no", "a dull ache", "3", "same", "and the other leg?"])
        #expect(other[5].reply.hasPrefix("As above"), "\(other[5].reply)")
    }
}
