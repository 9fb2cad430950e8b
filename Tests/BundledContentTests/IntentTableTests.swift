import Foundation
import RubdownKit
import TestSupport
import Testing

@Suite struct IntentTableTests {
    let table = shippedCoach.content.intents

    @Test func canonicalAreasExist() {
        let ids = Set(shippedCoach.content.knowledge.areas.map(\.id))
        #expect(Set(Content.canonicalAreaIDs).isSubset(of: ids))
    }

    @Test func everyIntentHasAtLeastTwelveExamples() {
        for intent in table.intents {
            #expect(intent.examples.count >= 12, "\(intent.id) has \(intent.examples.count) examples")
        }
    }

    @Test func everyPluginHasIntents() {
        #expect(table.pluginNames.isSuperset(of: ["core", "techniques", "triage", "bath", "fallback"]))
    }

    /// The table is self-consistent: each example is classified to its own intent.
    @Test func everyExampleIsClassifiedToItsOwnIntent() {
        var wrong: [String] = []
        for intent in table.intents {
            for example in intent.examples {
                let got = shippedCoach.classify(example)
                if got.intent != intent.id { wrong.append("\(example) → \(got.intent), expected \(intent.id)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) examples misclassified:\n\(wrong.joined(separator: "\n"))")
    }
}

@Suite struct StoryFilesTests {
    @Test func everyStoryPasses() throws {
        let stories = try shippedStories()
        #expect(stories.count >= 40)
        var failures: [String] = []
        for story in stories { failures += story.run(with: shippedCoach) }
        #expect(failures.isEmpty, "\(failures.count) story expectations failed:\n\(failures.joined(separator: "\n"))")
    }
}
