import RubdownKit
import TestSupport
import Testing

/// Two intents of different plugins that fit a line equally well get a question, not a guess.
@Suite struct ClarificationTests {
    struct Echo: Plugin {
        let name: String
        func respond(to request: PluginRequest, context: PluginContext) -> PluginReply {
            PluginReply("\(name) answers \(request.intent) for \(request.understanding.input)")
        }
    }

    func coach() throws -> Coach {
        let a = ContentFile(
            path: "Intents/a.yaml",
            text:
                "plugin: alpha\nintents:\n  - id: alpha.calves\n    offer: talk about calves the alpha way\n    examples: [calves need attention, my calves need attention]\n"
        )
        let b = ContentFile(
            path: "Intents/b.yaml",
            text:
                "plugin: beta\nintents:\n  - id: beta.calves\n    offer: talk about calves the beta way\n    examples: [attention calves need, attention my calves need]\n"
        )
        let knowledge = shippedCoach.content.knowledge
        let content = Content(knowledge: knowledge, intents: try Content.load(knowledge: [], intents: [a, b]).intents)
        return try Coach(content: content, plugins: PluginRegistry([Echo(name: "alpha"), Echo(name: "beta")]))
    }

    @Test func asksInsteadOfGuessingThenFollowsTheChoice() throws {
        let turns = converse(["my calves", "the second"], coach: try coach())
        #expect(turns[0].awaiting == .clarify)
        #expect(
            turns[0].reply == "Do you want me to talk about calves the alpha way, or to talk about calves the beta way?"
                || turns[0].reply == "Do you want me to talk about calves the beta way, or to talk about calves the alpha way?")
        #expect(turns[1].awaiting == nil)
        #expect(turns[1].reply.hasSuffix("for my calves"), "the original line is answered")
        #expect(turns[1].input == "the second")
    }

    @Test func aNewRequestInsteadOfAChoiceIsAnsweredAsSuch() throws {
        let turns = converse(["my calves", "what about the weather"], coach: try coach())
        #expect(turns[1].awaiting == nil, "the question is dropped")
        #expect(turns[1].input == "what about the weather")
    }
}
