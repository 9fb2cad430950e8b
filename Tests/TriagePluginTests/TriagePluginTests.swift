import RubdownKit
import TestSupport
import Testing
import TriagePlugin

/// The plugin alone, with a constructed context: no coach, no dialogue. It reads the conversation
/// and returns its reply with effects; applying them is the dialogue's business.
@Suite struct TriagePluginTests {
    let knowledge = shippedCoach.content.knowledge
    let intents = shippedCoach.content.intents

    func reply(_ state: ConversationState, intent: String = "triage.soreness") -> PluginReply {
        let understanding = shippedCoach.interpreter.understand("my calves hurt")
        return TriagePlugin().respond(
            to: PluginRequest(understanding: understanding, intent: intent),
            context: PluginContext(knowledge: knowledge, intents: intents, state: state))
    }

    @Test func asksTheFirstQuestionNotYetAnswered() {
        var state = ConversationState()
        state.areas = ["calves"]
        #expect(reply(state).asking?.slot == .swelling)
        state.facts.swelling = false
        #expect(reply(state).asking?.slot == .painKind)
        #expect(reply(state).triage == nil)
    }

    @Test func withEveryFactItReturnsTheOutcomeAsAnEffect() {
        var state = ConversationState()
        state.areas = ["calves"]
        state.facts.swelling = false
        state.facts.painKind = "dull"
        state.facts.painLevel = 3
        state.facts.daysAgo = 1
        state.facts.distanceKm = 10
        state.facts.trend = .same
        let answer = reply(state)
        #expect(answer.asking == nil)
        #expect(answer.triage?.level == .selfCare)
        #expect(answer.triage?.bodyParts == ["calves"])
        #expect(answer.massages == ["calves"])
        #expect(answer.text.contains("calves"))
    }

    @Test func noAreaIsAskedForFirst() {
        #expect(reply(ConversationState()).asking?.slot == .bodyPart)
    }
}
