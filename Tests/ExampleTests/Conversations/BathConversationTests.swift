import TestSupport
import Testing

/// The bath plugin's answers, in conversations with the shipped coach.
@Suite struct BathConversationTests {
    @Test func iceBathDetails() {
        let turn = converse(["should I have an ice bath afterwards?"])[0]
        #expect(turn.plugin == "bath")
        #expect(turn.reply.contains("°C"))
        #expect(turn.reply.contains("Skip it if"))
    }

    @Test(arguments: [
        "should I have a warm bath or ice?", "which is better, ice or warm?", "is heat or ice better for sore legs?", "heat or ice?",
    ])
    func bothBathsNamedAreCompared(line: String) {
        let reply = converse([line])[0].reply
        #expect(reply.contains("warm bath") && reply.contains("ice-cold"), "\(reply)")
        #expect(!reply.hasPrefix("Warm bath:") && !reply.hasPrefix("Ice-cold bath:"), "one bath's card only: \(reply)")
    }

    @Test func noHeatForAPossibleStrain() {
        let turns = converse(["my quads hurt after a 10k yesterday", "no", "sharp", "7", "about the same", "can I have a hot bath?"])
        #expect(turns[4].triage?.level == .caution)
        #expect(turns[5].reply.hasPrefix("Not now"))
    }

    @Test func noBathAfterARedFlag() {
        let turns = converse(["my calf is swollen and red", "warm or cold bath?"])
        #expect(turns[1].reply.contains("get checked"))
    }
}
