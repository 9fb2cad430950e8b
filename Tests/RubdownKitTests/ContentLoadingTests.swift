import RubdownKit
import TestSupport
import Testing

@Suite struct ContentLoadingTests {
    let goodAreas = ContentFile(
        path: "Knowledge/areas.yaml",
        text: """
            areas:
              - id: calves
                name: calves
                synonyms: [calf]
                kind: muscle
                roll_directly: true
                care: Be kind to them.
                sources: [article]
            """)
    let sources = ContentFile(path: "Knowledge/sources.yaml", text: "sources:\n  - id: article\n    title: The article\n")

    func diagnostics(_ knowledge: [ContentFile], _ intents: [ContentFile] = []) -> [ContentDiagnostic] {
        do {
            _ = try Content.load(knowledge: knowledge, intents: intents)
            return []
        } catch {
            return error.contentDiagnostics
        }
    }

    @Test func invalidYAMLNamesFileAndLine() {
        let broken = ContentFile(path: "Intents/core.yaml", text: "plugin: core\nintents:\n  - id: a\n    examples: [hi\n")
        let found = diagnostics([], [broken])
        #expect(found.count == 1)
        #expect(found[0].file == "Intents/core.yaml")
        #expect(found[0].line >= 4)
        #expect(found[0].description.hasPrefix("Intents/core.yaml:"))
        #expect(found[0].description.contains(": error: invalid YAML"))
    }

    /// Content files need no anchors or aliases, and an alias is how 443 bytes become 9^9
    /// scalars: refused with file and line before any node is built, at once.
    @Test(.timeLimit(.minutes(1))) func anchorsAndAliasesAreRefusedWithTheirLine() {
        var lines = ["sources: &s [article]", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for depth in 1...8 {
            lines.append("a\(depth): &a\(depth) [" + Array(repeating: "*a\(depth - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("areas: *a8")
        let bomb = diagnostics([ContentFile(path: "overlay/knowledge/areas.yaml", text: lines.joined(separator: "\n") + "\n")])
        #expect(
            bomb.map(\.description) == [
                "overlay/knowledge/areas.yaml:1:10: error: YAML anchors (&name) are not allowed in content files; write the value out in full"
            ])
        // An alias alone (the anchor in no file of ours), and a merge key, are aliases too.
        let alias = diagnostics([
            goodAreas, ContentFile(path: "Knowledge/sources.yaml", text: "sources:\n  - id: article\n    title: *t\n"),
        ])
        #expect(
            alias.first?.description
                == "Knowledge/sources.yaml:3:12: error: YAML aliases (*name) are not allowed in content files; write the value out in full")
    }

    /// Yams checks a mapping for duplicate keys by hashing each key in full: an aliased key
    /// standing for a huge tree would take for ever. It is refused before that check runs.
    @Test(.timeLimit(.minutes(1))) func anAliasedKeyNeverReachesTheDuplicateKeyCheck() {
        var lines = ["a0: &a0 {lol: 1, lal: 2, lel: 3, lil: 4, lul: 5, lyl: 6, lml: 7, lnl: 8, lpl: 9}"]
        for depth in 1...8 {
            lines.append("a\(depth): &a\(depth) [" + Array(repeating: "*a\(depth - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("areas:\n  ? *a8\n  : one\n  ? *a8\n  : two")
        let found = diagnostics([ContentFile(path: "Knowledge/areas.yaml", text: lines.joined(separator: "\n") + "\n")])
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("anchors") == true)
    }

    @Test func missingFieldIsNamedAtItsEntry() {
        let intents = ContentFile(
            path: "Intents/core.yaml",
            text: "plugin: core\nintents:\n  - id: core.greet\n    description: hi\n  - id: core.help\n    description: help\n")
        let found = diagnostics([], [intents])
        #expect(found.count == 1)
        #expect(found[0].line == 3)
        #expect(found[0].message.contains("missing required field 'examples'"))
        #expect(found[0].message.contains("core.greet"))
    }

    @Test func wrongTypeIsReported() {
        let intents = ContentFile(path: "Intents/core.yaml", text: "plugin: core\nintents:\n  - id: core.greet\n    examples: 12\n")
        let found = diagnostics([], [intents])
        #expect(found.first?.line == 4)
        #expect(found.first?.message.contains("'examples' should be") == true)
    }

    @Test func unknownAreaReferenceSuggestsTheNearestId() {
        let techniques = ContentFile(
            path: "Knowledge/techniques.yaml",
            text: """
                techniques:
                  - id: stroking
                    name: Stroking
                    synonyms: []
                    summary: Gentle.
                    steps: [Glide.]
                    repetitions: ten
                    pressure: light
                    gentleness: 1
                    equipment: none
                    suits: [calvs]
                    not_directly_on: []
                    cautions: []
                    sources: [article]
                """)
        let found = diagnostics([sources, goodAreas, techniques])
        let typo = found.first { $0.message.contains("calvs") }
        #expect(typo?.file == "Knowledge/techniques.yaml")
        #expect(typo?.line == 11)
        #expect(typo?.message.contains("did you mean 'calves'?") == true)
    }

    @Test func duplicateIntentIdPointsAtBothPlaces() {
        let a = ContentFile(path: "Intents/a.yaml", text: "plugin: core\nintents:\n  - id: core.greet\n    examples: [hi]\n")
        let b = ContentFile(path: "Intents/b.yaml", text: "plugin: core\nintents:\n  - id: core.greet\n    examples: [hello]\n")
        let found = diagnostics([], [a, b])
        #expect(found.count == 1)
        #expect(found[0].file == "Intents/b.yaml")
        #expect(found[0].message.contains("first defined at Intents/a.yaml:3"))
    }

    @Test func everyProblemIsReportedAtOnce() {
        let a = ContentFile(path: "Intents/a.yaml", text: "plugin: core\nintents:\n  - id: x\n")
        let b = ContentFile(path: "Intents/b.yaml", text: "plugin: [\n")
        #expect(diagnostics([], [a, b]).count == 2)
    }

    @Test func unregisteredPluginIsAnErrorAtTheIntent() throws {
        let intents = ContentFile(path: "Intents/x.yaml", text: "plugin: massage\nintents:\n  - id: x.y\n    examples: [hi]\n")
        let content = try Content.load(knowledge: [], intents: [intents])
        #expect(throws: ContentError.self) { try Coach(content: content, plugins: PluginRegistry([])) }
        do {
            _ = try Coach(content: content, plugins: PluginRegistry([]))
        } catch {
            #expect(error.contentDiagnostics.first?.description.hasPrefix("Intents/x.yaml:3:") == true)
        }
    }

    /// A plugin that declares the intent for a kind of line (the warning signs) must own it in Intents/.
    @Test func aDeclaredIntentMustBeThePluginsOwn() throws {
        struct Signs: Plugin {
            var name: String { "signs" }
            var capabilities: Set<PluginCapability> { [.warningSigns(intent: "signs.list")] }
            func respond(to request: PluginRequest, context: PluginContext) -> PluginReply { PluginReply("") }
        }
        struct Other: Plugin {
            var name: String { "other" }
            func respond(to request: PluginRequest, context: PluginContext) -> PluginReply { PluginReply("") }
        }
        let intents = ContentFile(path: "Intents/other.yaml", text: "plugin: other\nintents:\n  - id: signs.list\n    examples: [hi]\n")
        let content = try Content.load(knowledge: [], intents: [intents])
        do {
            _ = try Coach(content: content, plugins: PluginRegistry([Signs(), Other()]))
            Issue.record("a declared intent of another plugin was accepted")
        } catch {
            #expect(error.contentDiagnostics.contains { $0.description.hasPrefix("Intents/other.yaml:3:") }, "\(error)")
        }
    }

    /// Diagnostics point at intents and examples by the lines recorded at load: each must be
    /// the line that holds the intent's id or the example's text, in every shipped intent file.
    @Test func everyIntentAndExampleKnowsItsLine() throws {
        var checked = 0
        for intent in shippedCoach.content.intents.intents {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(intent.file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[intent.line - 1].contains("id: \(intent.id)"), "\(intent.file):\(intent.line) \(intent.id)")
            #expect(intent.exampleLines.count == intent.examples.count)
            for (example, line) in zip(intent.examples, intent.exampleLines) {
                // Quoted or not; an apostrophe doubles inside single quotes.
                let plain = lines[line - 1].replacingOccurrences(of: "''", with: "'")
                #expect(plain.contains(example) || plain.contains(String(example.prefix(20))), "\(intent.file):\(line) \(example)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func aFlowListOfExamplesPointsAtEachItem() throws {
        let file = ContentFile(
            path: "Intents/core.yaml",
            text: "plugin: core\nintents:\n  - id: a\n    examples:\n      - hi\n      - hello\n  - id: b\n    examples: [bye, cya]\n")
        let content = try Content.load(knowledge: [], intents: [file])
        #expect(content.intents.intents.map(\.line) == [3, 7])
        #expect(content.intents.intents.map(\.exampleLines) == [[5, 6], [8, 8]])
    }
}
