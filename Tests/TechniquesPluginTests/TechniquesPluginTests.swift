import TestSupport
import Testing

@Suite struct TechniquesPluginTests {
    @Test func explainsANamedTechniqueStepByStep() {
        let turn = converse(["how do I do drumming?"])[0]
        #expect(turn.plugin == "techniques")
        #expect(turn.reply.hasPrefix("Drumming"))
        #expect(turn.reply.contains("1. "))
        #expect(turn.reply.contains("How many:"))
    }

    @Test func noBallOrRollerDirectlyOnTheAchilles() {
        let turn = converse(["how should I massage my achilles?"])[0]
        #expect(turn.plugin == "techniques")
        #expect(turn.reply.contains("Stroking"))
        #expect(!turn.reply.contains("Tennis ball"))
        #expect(!turn.reply.contains("Foam roller"))
    }

    @Test func gentlerAfterAMarathon() {
        let turns = converse(["I ran a marathon", "how should I massage my calves?"])
        #expect(turns[1].reply.contains("Foam roller"))
        #expect(!turns[1].reply.contains("Tennis ball"))
    }

    @Test func listsAllFive() {
        let reply = converse(["what techniques do you know?"])[0].reply
        for name in ["Stroking", "Pressing", "Drumming", "Tennis ball", "Foam roller"] { #expect(reply.contains(name)) }
    }
}
