import RubdownKit
import TestSupport
import Testing

/// Every fact of the source article (shared/seed/source-article.txt) is in the knowledge base,
/// listed one by one so that a fact dropped from the data fails by name.
@Suite struct ArticleFactsTests {
    let knowledge = shippedCoach.content.knowledge

    func technique(_ id: String) -> Technique {
        guard let technique = knowledge.technique(id) else { fatalError("the knowledge base lacks the technique \(id)") }
        return technique
    }

    func text(_ technique: Technique) -> String {
        ([technique.summary, technique.repetitions, technique.pressure] + technique.steps + technique.cautions)
            .joined(separator: " ").lowercased()
    }

    @Test func theAreasRunningStrains() {
        // Calves, glutes, Achilles, hamstrings; knees and ankles; the back on longer runs.
        for id in ["calves", "glutes", "achilles", "hamstrings", "knees", "ankles", "back", "feet", "quads"] {
            #expect(knowledge.area(id)?.sources.contains("article") == true, "area \(id) should cite the article")
        }
    }

    @Test func stroking() {
        let stroking = technique("stroking")
        let words = text(stroking)
        #expect(words.contains("relax") || words.contains("loose"), "open, relaxed hand")
        #expect(words.contains("foot") || words.contains("feet"), "starts at the feet")
        #expect(words.contains("up"), "moves up the leg")
        #expect(words.contains("light") && words.contains("palm"), "light strokes, then more pressure with the palm")
        #expect(stroking.repetitions.contains("10"), "10 times on each leg")
        #expect(stroking.repetitions.contains("each leg"))
    }

    @Test func pressing() {
        let words = text(technique("pressing"))
        #expect(words.contains("toe"), "press each toe, one at a time")
        #expect(words.contains("one at a time") || words.contains("in turn"))
        #expect(words.contains("achilles"), "then the Achilles, firmly")
        #expect(words.contains("calves") && words.contains("quads"), "more pressure on large muscles: calves, quads")
        #expect(words.contains("both hands") || words.contains("stack both"), "one hand or both")
        #expect(technique("pressing").repetitions.contains("few"), "a few times on each muscle area, each leg")
    }

    @Test func drumming() {
        let words = text(technique("drumming"))
        #expect(words.contains("fist"), "open hand or fist")
        #expect(words.contains("edge") || words.contains("side"), "edge of the hand")
        #expect(words.contains("light"), "lightly")
        #expect(words.contains("cramp"), "eases cramps")
        #expect(words.contains("blood"), "increases blood flow")
        #expect(technique("drumming").repetitions.contains("few"), "each area a few times")
    }

    @Test func tennisBall() {
        let words = text(technique("tennis-ball"))
        #expect(words.contains("firmer"), "firmer pressure than hands")
        #expect(words.contains("wall") && words.contains("floor"), "back against a wall, or lying on the floor")
        #expect(words.contains("sole") || words.contains("feet") || words.contains("foot"), "starting from the soles")
        #expect(words.contains("tender") || words.contains("pain"), "stop at pain or tenderness")
        #expect(words.contains("injur") || words.contains("inflam"), "overworking tired muscles can injure")
        #expect(technique("tennis-ball").gentleness > technique("foam-roller").gentleness)
    }

    @Test func foamRoller() {
        let roller = technique("foam-roller")
        let words = text(roller)
        #expect(words.contains("soft") || words.contains("gentle"), "softer than a ball, so gentler")
        #expect(words.contains("marathon") || words.contains("long"), "ideal when stiff after a long or intense run")
        #expect(words.contains("lie") || words.contains("lying"), "lying down")
        #expect(words.contains("bottom") || words.contains("up"), "from the bottom up")
    }

    @Test func baths() {
        #expect(knowledge.bath("warm")?.sources.contains("article") == true, "a warm bath after massage")
        #expect(knowledge.bath("ice-cold")?.sources.contains("article") == true, "or an ice-cold one")
        #expect(knowledge.say("bath-after").lowercased().contains("relax"), "to relax tired muscles")
    }

    @Test func whyAndWhenToGetHelp() {
        #expect(knowledge.say("why-massage").lowercased().contains("inflammation"), "protects from inflammation, injury, pain")
        #expect(knowledge.say("professional-sessions").lowercased().contains("chiropractor"), "regular professional sessions")
        #expect(!knowledge.say("see-professional").isEmpty)
        #expect(!knowledge.say("stop-when").isEmpty)
    }

    @Test func everyEntryNamesItsSources() {
        let ids = Set(knowledge.sources.map(\.id))
        var cited: [String] = knowledge.areas.flatMap(\.sources)
        cited += knowledge.techniques.flatMap(\.sources)
        cited += knowledge.baths.flatMap(\.sources)
        cited += knowledge.redFlags.flatMap(\.sources)
        cited += knowledge.guidance.flatMap(\.sources)
        #expect(cited.allSatisfy(ids.contains))
        #expect(knowledge.techniques.allSatisfy { !$0.sources.isEmpty })
    }
}
