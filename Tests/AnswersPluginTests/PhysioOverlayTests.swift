import BundledContent
import Foundation
import RubdownKit
import TestSupport
import Testing

/// The worked example of docs/writing-guide.md, run as written: a physio adds a body area, a
/// technique, two data-only intents and a story as an overlay, without Swift; `check` catches
/// the usual mistakes with a precise message.
@Suite struct PhysioOverlayTests {
    static let example = repositoryRoot.appendingPathComponent("docs/examples/physio-overlay")
    let bundled = ContentSet(knowledge: BundledContent.knowledge, intents: BundledContent.intents)

    func overlay(_ folder: URL = example) throws -> ContentSet { try Content.overlay(in: folder.path) }

    @Test func theOverlayPassesCheckStrictly() throws {
        let diagnostics = ContentCheck.run(bundled, overlays: [try overlay()], plugins: allPlugins)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func itsStoryPasses() throws {
        let coach = try Coach(content: Content.load(bundled, overlays: [try overlay()]), plugins: allPlugins)
        let file = Self.example.appendingPathComponent("stories/inner-thighs.story")
        let story = try Story.parse(file: file.path, text: String(contentsOf: file, encoding: .utf8))
        let failures = story.run(with: coach)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func anOverlayEntryReplacesTheBundledOneWithTheSameId() throws {
        let replacement = ContentFile(
            path: "x/guidance.yaml", text: "guidance:\n  - id: stop-when\n    text: Stop if it hurts.\n    sources: [article]\n")
        let content = try Content.load(bundled, overlays: [ContentSet(knowledge: [replacement], intents: [])])
        #expect(content.knowledge.say("stop-when") == "Stop if it hurts.")
        #expect(content.knowledge.guidance.filter { $0.id == "stop-when" }.count == 1)
    }

    /// Copies the example, lets `change` break it, and returns what check says.
    func checkBroken(_ change: (URL) throws -> Void) throws -> [ContentDiagnostic] {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("physio-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.example, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        try change(copy)
        return ContentCheck.run(bundled, overlays: [try overlay(copy)], plugins: allPlugins)
    }

    func edit(_ file: URL, _ from: String, _ to: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func aTypoInAReference() throws {
        let found = try checkBroken { try edit($0.appendingPathComponent("intents/answers.yaml"), "areas:adductors", "areas:aductors") }
        let error = found.first { $0.message.contains("aductors") }
        #expect(error?.severity == .error)
        #expect(error?.file.hasSuffix("intents/answers.yaml") == true)
        #expect(error?.line == 27)
        #expect(error?.message.contains("did you mean 'adductors'?") == true)
    }

    @Test func anExampleDuplicatedAcrossTwoIntents() throws {
        let found = try checkBroken {
            try edit(
                $0.appendingPathComponent("intents/answers.yaml"), "      - best way to work my adductors",
                "      - how do I massage my feet after a trail run")
        }
        let error = found.first { $0.message.contains("is in both") }
        #expect(error?.severity == .error)
        #expect(error?.message.contains("'answers.feet_after_trail'") == true)
        #expect(error?.message.contains("'answers.inner_thighs'") == true)
    }

    @Test func aMissingRequiredField() throws {
        let found = try checkBroken { try edit($0.appendingPathComponent("knowledge/areas.yaml"), "    kind: muscle\n", "") }
        let missing = found.filter { $0.message.contains("'kind'") }
        #expect(missing.count == 1)
        #expect(missing.first?.message == "missing required field 'kind' in 'adductors'")
        #expect(missing.first?.file.hasSuffix("knowledge/areas.yaml") == true)
        #expect(missing.first?.line == 2)
    }
}
