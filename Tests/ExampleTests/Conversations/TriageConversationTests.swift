import RubdownKit
import TestSupport
import Testing

/// Triage outcomes, in conversations with the shipped coach (the plugin alone: TriagePluginTests).
@Suite struct TriageConversationTests {
    @Test func ordinarySorenessIsSelfCareWithAdvice() {
        let turns = converse(["my calves hurt after a 10k", "no", "dull ache", "4", "yesterday", "easing a bit"])
        let outcome = turns.last?.triage
        #expect(outcome?.level == .selfCare)
        #expect(outcome?.bodyParts == ["calves"])
        #expect(turns.last?.reply.contains("Stroking") == true)
        #expect(turns.last?.reply.contains("Bath") == true)
    }

    @Test func sharpPainIsCautionWithoutFirmTools() {
        let turns = converse(["my hamstrings hurt after a 10k yesterday", "no swelling, but it's sharp", "6", "easing a little"])
        let last = turns.last!
        #expect(last.triage?.level == .caution)
        #expect(last.triage?.reasons.contains("pain-kind:sharp") == true)
        #expect(!last.reply.contains("Tennis ball"))
        #expect(last.reply.contains("no hot baths"))
    }

    @Test func redFlagIsSeekCareWithUrgency() {
        let turn = converse(["my calf hurts and I'm short of breath"])[0]
        #expect(turn.triage?.level == .seekCare)
        #expect(turn.triage?.urgency == .emergency)
        #expect(turn.reply.contains("emergency") && turn.reply.contains("999"))
    }

    @Test func overAWeekIsSeekCare() {
        let turns = converse(["my shins have hurt for 10 days", "no", "dull", "3", "5k"])
        #expect(turns.contains { $0.triage?.level == .seekCare })
    }
}
