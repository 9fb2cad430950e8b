import ArgumentParser
import Foundation
import RubdownKit
import RubdownTerminal

/// The conversation: at a readline prompt on a terminal, line by line through a pipe.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Talk to the coach (the default).")

    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print each turn as one JSON object on one line (the scripting contract).")
    var json = false

    @Flag(name: .long, help: "Keep no history file.")
    var noHistory = false

    @Flag(name: .long, help: "Keep no journal and ask nothing about one.")
    var noJournal = false

    @Flag(name: .long, help: "During a guided routine on a terminal, count down the timed steps.")
    var pace = false

    @Option(name: .long, help: ArgumentHelp("When the conversation ends, write its plan as Markdown to this file.", valueName: "FILE.md"))
    var savePlan: String?

    @Flag(name: .long, help: "With --save-plan: replace the file even when it is not a plan Rubdown wrote.")
    var force = false

    func run() throws {
        // Refused before the conversation, so the runner does not talk their way to a plan that cannot be kept.
        let planFile = savePlan.map { PlanFile(path: $0, force: force) }
        if let refusal = planFile?.refusal() {
            StandardError.write("rubdown: error: --save-plan: \(refusal.escapingControlCharacters)\n")
            throw ExitCode(.usage)
        }
        let coach = try content.coach()
        let interactive = isatty(STDIN_FILENO) == 1
        let style = TerminalStyle.detect()
        let output: Session.Output = json ? .json : .text(style)
        var reader: any LineReader = PipeReader()
        if interactive {
            let environment = ProcessInfo.processInfo.environment
            let history = noHistory ? nil : History.defaultPath(environment: environment)
            reader = ReadlineReader(
                prompt: json ? "" : style.prompt, completions: completionWords(coach), historyPath: history,
                adoptsUnmarkedHistory: History.isOwnPath(environment: environment), warn: StandardError.warn)
            if !json {
                StandardOutput.line(
                    style.note(
                        "Rubdown: post-run self-massage coach. Ask me anything about sore legs after a run ('help' for ideas, 'quit' to leave)."
                    ))
            }
        }
        var store: JournalStore?
        var journal: Journal?
        if !noJournal, let path = JournalStore.defaultPath(environment: ProcessInfo.processInfo.environment) {
            let loaded = JournalStore(path: path).load()
            // write(2), not FileHandle: at the prompt SIGPIPE is handled, and FileHandle traps on a closed stderr.
            if let warning = loaded.warning { StandardError.warn(warning) }
            // nil: a journal that could not be set aside is off, never overwritten.
            journal = loaded.journal
            if journal != nil { store = JournalStore(path: path) }
        }
        var session = Session(
            conversation: coach.startConversation(journal: journal), reader: reader, output: output, pace: pace && interactive,
            planFile: planFile, journalStore: store, atPrompt: interactive)
        let status = session.run()
        // SIGTERM, SIGHUP or SIGPIPE at the prompt: the history is saved; now end as that signal would.
        Termination.finish()
        if status != .success { throw ExitCode(status) }
    }

    /// Tab completes the commands and the content's areas, techniques and baths, one spelling each.
    private func completionWords(_ coach: Coach) -> [String] {
        Completion.words(
            knowledge: coach.content.knowledge, commands: ["help", "quit", "start over", "thanks", "why", "summary", "journal"])
    }
}

/// Stateless classification, one JSON line per input line.
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify each line of standard input and print one JSON line for each.")

    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Show how each line was understood instead of JSON.")
    var explain = false

    func run() throws {
        let coach = try content.coach()
        while let line = readLine(strippingNewline: true) {
            let classification = coach.classify(line)
            if explain {
                StandardOutput.line(
                    (Explanation.text(for: classification.understanding)
                        + "\nrouted to:   \(classification.plugin) / \(classification.intent)\n")
                        .escapingControlCharacters)
            } else {
                StandardOutput.line(JSONContract.line(classification))
            }
        }
    }
}

/// The intent table, for scripts and evaluations.
struct Intents: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the intent table.")

    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "One JSON line per example: {\"text\", \"intent\", \"plugin\"}.")
    var json = false

    func run() throws {
        let coach = try content.coach()
        for intent in coach.content.intents.intents {
            if json {
                StandardOutput.write(intent.examples.map { JSONContract.line(example: $0, intent: intent) + "\n" }.joined())
            } else {
                StandardOutput.line(
                    "\(intent.id) (\(intent.plugin), \(intent.examples.count) examples): \(intent.description)".escapingControlCharacters)
            }
        }
    }
}
