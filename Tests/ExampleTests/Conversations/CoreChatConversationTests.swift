import TestSupport
import Testing

/// Help, quit and the fallback, in conversations with the shipped coach.
@Suite struct CoreChatConversationTests {
    @Test func helpSaysWhatRubdownDoes() {
        let turn = converse(["help"])[0]
        #expect(turn.plugin == "core")
        #expect(turn.reply.contains("my calves hurt after a 10k"))
        #expect(turn.reply.contains("not a diagnosis"))
    }

    @Test func quitEndsTheConversation() {
        let turn = converse(["quit"])[0]
        #expect(turn.ends)
        #expect(turn.intent == "core.quit")
    }

    @Test func fallbackDeclinesAndOffersTheClosestThings() {
        let turn = converse(["which running shoes should I buy for a marathon"])[0]
        #expect(turn.plugin == "fallback")
        #expect(turn.reply.contains("outside what I can help with"))
    }
}
