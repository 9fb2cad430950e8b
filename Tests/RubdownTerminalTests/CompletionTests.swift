import RubdownKit
import RubdownTerminal
import TestSupport
import Testing

/// Tab completion at the prompt: one spelling per name, read from the content.
@Suite struct CompletionTests {
    static let commands = ["help", "quit", "start over", "thanks", "why", "summary", "journal"]

    func words(_ knowledge: KnowledgeBase = shippedCoach.content.knowledge) -> [String] {
        Completion.words(knowledge: knowledge, commands: Self.commands)
    }

    @Test func foamHasExactlyOneCompletion() {
        // It offered "foam roller" and "foam-roller", whose common prefix completed nothing.
        #expect(Completion.matches("foam", in: words()) == ["foam roller"])
        #expect(Completion.matches("tennis", in: words()) == ["tennis ball"])
        #expect(Completion.matches("Foam", in: words()) == ["foam roller"])
    }

    @Test func oneSpellingPerName() {
        let words = words()
        #expect(Set(words).count == words.count)
        let knowledge = shippedCoach.content.knowledge
        for name in knowledge.areas.map(\.name) + knowledge.techniques.map(\.name) + knowledge.baths.map(\.name) {
            #expect(words.contains(name.lowercased()), "\(name) is not completed")
        }
        // No id beside its name: "it-band" and "it band", "ice-cold" and "ice-cold bath".
        for id in knowledge.areas.map(\.id) + knowledge.techniques.map(\.id) + knowledge.baths.map(\.id) {
            let named = knowledge.area(id)?.name ?? knowledge.technique(id)?.name ?? knowledge.bath(id)?.name
            if id != named?.lowercased() { #expect(!words.contains(id), "both \(id) and its name are offered") }
        }
        #expect(Completion.matches("it", in: words) == ["it band"])
        #expect(Completion.matches("ice", in: words) == ["ice-cold bath"])
        #expect(Completion.matches("start", in: words) == ["start over"])
    }

    @Test func aTechniqueTheContentAddsIsCompleted() {
        var knowledge = shippedCoach.content.knowledge
        var gun = knowledge.techniques[0]
        gun.id = "massage-gun"
        gun.name = "Massage gun"
        gun.synonyms = ["massage gun"]
        knowledge.techniques.append(gun)
        #expect(Completion.matches("mass", in: words(knowledge)) == ["massage gun"])
    }

    @Test func aNameWithAControlCharacterIsLeftOut() {
        var knowledge = shippedCoach.content.knowledge
        knowledge.areas[0].name = "feet\u{1B}[31m"
        #expect(!words(knowledge).contains { $0.hasPrefix("feet") })
    }
}
