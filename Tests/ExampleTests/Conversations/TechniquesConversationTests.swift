import RubdownKit
import TestSupport
import Testing

/// Technique advice, in conversations with the shipped coach.
@Suite struct TechniquesConversationTests {
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

    @Test func theCountOfTechniquesComesFromTheContent() throws {
        #expect(converse(["what techniques do you know?"])[0].reply.hasPrefix("I know five techniques."))
        var content = shippedCoach.content
        var gun = content.knowledge.techniques[0]
        gun.id = "massage-gun"
        gun.name = "Massage gun"
        gun.synonyms = ["massage gun"]
        content.knowledge.techniques.append(gun)
        let coach = try Coach(content: content, plugins: allPlugins)
        let reply = converse(["what techniques do you know?"], coach: coach)[0].reply
        #expect(reply.hasPrefix("I know six techniques."))
        #expect(reply.contains("Massage gun"))
        #expect(converse(["explain the steps of the massage"], coach: coach)[0].reply.contains("Here are the six I know:"))
    }
}
