import RubdownKit
import TestSupport
import Testing

/// Session 12's changes, held by the lines a safety reviewer wrote against them: denials counted with "zero" or
/// described ("no weird numbness"), never a sign told as new ("never had weird numbness like this") or a speed ("from
/// zero to swollen"); the foot below a sore shin read for a compartment only; massage asked for an injury gets the
/// questions first.
@Suite struct TwelfthRoundSafetyTests {
    @Test(arguments: [
        "zero chest pain, just legs are done", "zero fever, just achy legs", "no weird numbness, just tight calves",
        "no new swelling, calf just tight", "calves have zero heat and zero redness", "no odd tightness in the chest, just legs",
    ])
    func countedOrDescribedDenialsFlagNothing(line: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.isEmpty, "\(line)")
    }

    @Test(arguments: [
        ("never had weird numbness like this in my foot", "nerve"), ("never had new swelling like this in my calf", "clot"),
        ("not had new numbness in my foot until this run", "nerve"), ("my calf went from zero to swollen in an hour", "clot"),
        ("my foot went from zero to numb in a mile", "nerve"), ("zero feeling in my toes since the run", "nerve"),
        ("I peed zero since the marathon and my quads are agony", "rhabdo"),
    ])
    func signsToldAsNewOrAsASpeedStillWarn(line: String, flag: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.contains(flag), "\(line)")
    }

    @Test func theFootBelowASoreShinTellsACompartmentButNotAClot() {
        let hard = converse(["my shin is sore after the race", "it's rock hard and my foot is numb on top now"])
        #expect(hard.last?.triage?.reasons.contains("red-flag:compartment") == true, "\(hard.map(\.reply))")
        let warm = converse(["my calf is sore", "no", "my foot feels warm after the bath"])
        #expect(warm.last?.triage == nil && warm.last?.reply.contains("don't massage") == false, "\(warm.map(\.reply))")
    }

    @Test func massageAskedForAnInjuryGetsTheQuestionsFirst() {
        let turn = converse(["my wife hurt her foot tripping, what can she rub on it?"])[0]
        #expect(turn.awaiting == .swelling && !turn.reply.contains("Pressing"), "\(turn.reply)")
    }

    /// Rolled on a foam roller is no injury: the technique, and the check with it (the questions' first, not the list of
    /// warning signs the line's best triage intent would give). A rolled ankle is a strain: the questions first.
    @Test func rolledCalvesAreNoInjuryButARolledAnkleIs() {
        let rolled = converse(["rolled my calves last night, still sore, roller or massage gun?"])[0]
        #expect(rolled.plugin == "techniques" && rolled.awaiting == .swelling, "\(rolled.reply)")
        let ankle = converse(["rolled my ankle on a tree root, can I massage it?"])[0]
        #expect(ankle.plugin == "triage" && !ankle.reply.contains("Pressing"), "\(ankle.reply)")
    }

    @Test func massageAskedForASoreAreaGetsOneCheckThatDoesNotNag() {
        let turns = converse(["calf is sore now, roller or massage gun?", "nope", "thanks"])
        #expect(turns[0].reply.contains("Stroking") && turns[0].awaiting == .swelling, "\(turns[0].reply)")
        #expect(!turns[2].reply.contains("Back to"), "\(turns[2].reply)")
        let sign = converse(["calf is sore now, roller or massage gun?", "yes it's swollen and hot"])
        #expect(sign.last?.entities.redFlags == ["clot"] && sign.last?.reply.contains("don't massage") == true, "\(sign.map(\.reply))")
    }

    @Test func aYesToTheShinsEitherOrQuestionIsAskedAgain() {
        let turns = converse(["shin pain after running", "no", "yes"])
        #expect(turns[2].awaiting == .spread, "\(turns[2].reply)")
    }

    @Test func aThighStrainWithALittleSwellingIsTheStrainNotAClot() {
        let turns = converse(["think i pulled my hamstring on the last sprint yesterday", "a tiny bit maybe, no heat", "sharp", "5"])
        #expect(!turns.contains { $0.triage?.level == .seekCare }, "\(turns.map(\.reply))")
    }
}
