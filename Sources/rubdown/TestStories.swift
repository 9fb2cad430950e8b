import ArgumentParser
import Foundation
import RubdownKit
import RubdownTerminal

/// Runs story files: scripted conversations with expectations on each turn.
struct TestStories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run conversation stories (see docs/story-format.md) and print 'N passed, N failed'.")

    @OptionGroup var content: ContentOptions

    @Argument(help: ArgumentHelp("Story files to run.", valueName: "STORY_FILE"))
    var stories: [String]

    func run() throws {
        let coach = try content.coach()
        var passed = 0
        var failed = 0
        for path in stories {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                StandardError.write("rubdown: error: cannot read \(path.escapingControlCharacters)\n")
                throw ExitCode(.ioError)
            }
            let story: Story
            do {
                story = try Story.parse(file: path, text: text)
            } catch {
                Diagnostics.report(error)
                failed += 1
                continue
            }
            let failures = story.run(with: coach)
            if failures.isEmpty {
                passed += 1
            } else {
                failed += 1
                StandardOutput.line("FAIL \(story.name)".escapingControlCharacters)
                for failure in failures { StandardOutput.line("  \(failure)".escapingControlCharacters) }
            }
        }
        StandardOutput.line("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(.failure) }
    }
}
