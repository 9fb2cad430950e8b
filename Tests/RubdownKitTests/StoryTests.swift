import RubdownKit
import TestSupport
import Testing

@Suite struct StoryTests {
    @Test func aPassingAndAFailingExpectation() throws {
        let story = try Story.parse(
            file: "s.story",
            text: """
                # greeting
                > hello
                plugin: core
                awaiting: null
                reply contains: rubdown
                entities.body_parts: []
                > my calves hurt
                plugin: bath
                """)
        let failures = story.run(with: shippedCoach)
        #expect(failures.count == 1)
        #expect(failures[0].hasPrefix("s.story:8:"))
        #expect(failures[0].contains("plugin is \"triage\", expected \"bath\""))
    }

    @Test func malformedLinesAreReportedWithTheirLine() {
        #expect(throws: ContentError.self) { try Story.parse(file: "bad.story", text: "plugin: core\n") }
        do {
            _ = try Story.parse(file: "bad.story", text: "> hi\nwhatever\n")
        } catch {
            #expect(error.contentDiagnostics.first?.description.hasPrefix("bad.story:2:") == true)
        }
    }
}
