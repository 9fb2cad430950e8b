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

    func run() throws {
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
                warn: StandardError.warn)
            if !json {
                print(style.note("Rubdown: post-run self-massage coach. Ask me anything about sore legs after a run ('help' for ideas, 'quit' to leave)."))
            }
        }
        var store: JournalStore?
        var journal: Journal?
        if !noJournal, let path = JournalStore.defaultPath(environment: ProcessInfo.processInfo.environment) {
            store = JournalStore(path: path)
            let loaded = store!.load()
            // write(2), not FileHandle: at the prompt SIGPIPE is handled, and FileHandle traps on a closed stderr.
            if let warning = loaded.warning { StandardError.warn(warning) }
            journal = loaded.journal
        }
        var session = Session(
            conversation: coach.startConversation(journal: journal), reader: reader, output: output, pace: pace && interactive,
            planPath: savePlan, journalStore: store)
        session.run()
        // SIGTERM, SIGHUP or SIGPIPE at the prompt: the history is saved; now end as that signal would.
        Termination.finish()
    }

    private func completionWords(_ coach: Coach) -> [String] {
        let knowledge = coach.content.knowledge
        let commands = ["help", "quit", "start over", "thanks", "why"]
        let areas = knowledge.areas.flatMap { [$0.id, $0.name] }
        let techniques = knowledge.techniques.flatMap { [$0.id, $0.name.lowercased()] }
        return Array(Set(commands + areas + techniques + ["ice bath", "warm bath", "foam roller", "tennis ball"]))
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
                print(Explanation.text(for: classification.understanding) + "\nrouted to:   \(classification.plugin) / \(classification.intent)\n")
            } else {
                print(JSONContract.line(classification))
            }
            fflush(nil)
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
                for example in intent.examples { print(JSONContract.line(example: example, intent: intent)) }
            } else {
                print("\(intent.id) (\(intent.plugin), \(intent.examples.count) examples): \(intent.description)")
            }
        }
    }
}
