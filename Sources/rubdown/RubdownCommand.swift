import ArgumentParser
import BundledContent
import Foundation
import RubdownKit
import RubdownTerminal

struct RubdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubdown",
        abstract: "A terminal coach for runners' post-run self-massage. Self-care guidance, not diagnosis.",
        subcommands: [Chat.self, Classify.self, Intents.self, Evaluate.self, TestStories.self],
        defaultSubcommand: Chat.self
    )
}

/// Options every subcommand shares: where the content comes from.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Load the intent table from this folder instead of the bundled one.", valueName: "DIR"))
    var intents: String?

    @Option(name: .long, help: ArgumentHelp("Load the knowledge base from this folder instead of the bundled one.", valueName: "DIR"))
    var knowledge: String?

    /// Loads and validates the content and plugins; a bad data file exits 65 with file:line messages.
    func coach() throws -> Coach {
        do {
            return try load()
        } catch {
            Diagnostics.report(error)
            throw ExitCode(65)
        }
    }

    private func load() throws -> Coach {
        var knowledgeFiles = BundledContent.knowledge
        if let knowledge { knowledgeFiles = try Content.files(in: knowledge) }
        var intentFiles = BundledContent.intents
        if let intents { intentFiles = try Content.files(in: intents) }
        let content = try Content.load(knowledge: knowledgeFiles, intents: intentFiles)
        return try Coach(content: content, plugins: registeredPlugins)
    }
}

enum Diagnostics {
    static func report(_ error: any Error) {
        let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for diagnostic in error.contentDiagnostics {
            var line = diagnostic.description
            if colour {
                line = line.replacingOccurrences(
                    of: " \(diagnostic.severity.rawValue): ",
                    with: diagnostic.severity == .error ? " \u{1B}[31merror:\u{1B}[0m " : " \u{1B}[33mwarning:\u{1B}[0m ")
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
