import RubdownKit
import TestSupport
import Testing

/// Every story in Tests/Stories, run once, with the coach compiled into the binary (the story
/// format itself: StoryTests).
@Suite struct StoryFilesTests {
    @Test func everyStoryPasses() throws {
        let stories = try shippedStories()
        #expect(stories.count >= 40)
        var failures: [String] = []
        for story in stories { failures += story.run(with: shippedCoach) }
        #expect(failures.isEmpty, "\(failures.count) story expectations failed:\n\(failures.joined(separator: "\n"))")
    }
}
