import RubdownKit
import TestSupport
import Testing

/// Every red flag in the knowledge base is found in at least three differently worded
/// sentences, and a red flag never gets massage advice (safety invariants).
@Suite struct RedFlagReachabilityTests {
    static let sentences: [String: [String]] = [
        "clot": [
            "my calf is swollen and hot", "one calf is bigger than the other and red", "worried it's a dvt, calf really tender and warm",
        ],
        "chest": [
            "my leg hurts and I have chest pain", "calf pain and I'm short of breath sitting down", "tight chest and my leg is swollen",
        ],
        "achilles-rupture": [
            "heard a pop at the back of my ankle", "I can't stand on tiptoe since something snapped",
            "felt a snap in my achilles and can't push off",
        ],
        "stress-fracture": [
            "pain on one spot of my shin bone", "my shin hurts at night, right on the bone",
            "the top of my foot hurts in one small spot with every step",
        ],
        "cannot-bear-weight": ["I can't put any weight on my foot", "unable to bear weight on my left leg", "I can't walk on it at all"],
        "compartment": [
            "severe pain and my lower leg is tight and swollen", "my shin is rock hard, swollen and the pain is unbearable",
            "agonising pain in my calf and it's swollen and tight",
        ],
        "rhabdo": [
            "my pee is dark brown and my legs are so weak", "cola coloured urine after the race and extreme muscle pain",
            "dark urine and my thighs are agony",
        ],
        "nerve": ["my foot is numb after the run", "tingling down my leg", "pins and needles in my toes and my leg feels weak"],
        "cauda-equina": [
            "numb around my groin and bum", "I can't feel anything between my legs", "my back hurts and I've lost bladder control",
        ],
        "infection": ["I have a fever and my knee hurts", "feverish and my calf is sore", "red streaks going up my leg from a blister"],
        "wound": ["there's an open wound on my knee", "a deep cut on my shin from the trail", "huge bruise on my thigh after a fall"],
        "persistent": [
            "my shin has hurt for over a week", "the pain is getting worse every day", "my knee has been sore for three weeks now",
        ],
        "knee-injury": ["my knee locks when I bend it", "my knee gave way on the downhill", "my knee swelled up within an hour"],
        "collapse": [
            "I collapsed at the finish line", "my friend is confused and slurring after the race", "I keep throwing up since the marathon",
        ],
        "cold-foot": [
            "my foot has gone pale and cold and numb", "my toes have turned blue and my foot is ice cold",
            "one foot is much colder than the other and looks white",
        ],
        "deformity": [
            "my ankle looks bent the wrong way after I fell", "heard a crack in my shin when I fell and it looks crooked",
            "bone sticking out of my leg",
        ],
        "muscle-tear": [
            "felt a pop in my hamstring and had to stop", "tore my quad, there's a dent in it",
            "my calf went twang and now there's a lump and bruising",
        ],
        "hip-fracture": [
            "deep pain in my groin and I'm limping", "my hip hurts deep inside when I hop", "groin pain at night since I upped my mileage",
        ],
        "hot-joint": [
            "my knee is hot, red and swollen and I didn't injure it", "hot swollen ankle, no injury",
            "my knee is red and hot and puffy out of nowhere",
        ],
    ]

    @Test func everyRedFlagHasThreeSentences() {
        let ids = Set(shippedCoach.content.knowledge.redFlags.map(\.id))
        #expect(Set(Self.sentences.keys) == ids, "a red flag without test sentences, or sentences for one that is gone")
        for (id, lines) in Self.sentences {
            #expect(Set(lines).count >= 3)
            for line in lines {
                let found = shippedCoach.classify(line).entities.redFlags
                #expect(found.contains(id), "\"\(line)\" should raise \(id), raised \(found)")
            }
        }
    }

    @Test func noMassageStepsAfterAnyRedFlag() {
        for (id, lines) in Self.sentences {
            let turns = converse([lines[0], "how do I massage it?", "walk me through a routine", "how do I use a foam roller on it?"])
            #expect(turns[0].triage?.level == .seekCare, "\(id)")
            for turn in turns.dropFirst() where !turn.understanding.entities.bodyParts.isEmpty || turn.triage != nil {
                #expect(!turn.reply.contains("Step 1"), "\(id): \(turn.input) → \(turn.reply)")
            }
        }
    }
}
