import Foundation
import RubdownKit

/// The conversation loop: read a line, let the coach answer, print the reply (or the JSON
/// contract line). Ends at end of input or when the runner quits.
public struct Session {
    public enum Output {
        case text(TerminalStyle)
        case json
    }

    private var conversation: Conversation
    private var reader: any LineReader
    private let output: Output
    /// Count down timed routine steps in place (only ever on a terminal).
    private let pace: Bool
    /// Where to write the conversation's plan as Markdown when it ends.
    private let planFile: PlanFile?

    /// Where the journal is kept; nil keeps none.
    private let journalStore: JournalStore?
    /// Lines come from a person at a terminal prompt (not a script), who is said goodbye to at Ctrl-D.
    private let atPrompt: Bool

    public init(
        conversation: Conversation, reader: any LineReader, output: Output, pace: Bool = false, planFile: PlanFile? = nil,
        journalStore: JournalStore? = nil, atPrompt: Bool = false
    ) {
        self.atPrompt = atPrompt
        self.conversation = conversation
        self.reader = reader
        self.output = output
        self.pace = pace
        self.planFile = planFile
        self.journalStore = journalStore
    }

    /// Runs the conversation; `.success`, or `.ioError` when the plan asked for could not be saved.
    public mutating func run() -> ExitStatus {
        // Next time: ask how the areas from the journal feel now.
        if case .text(let style) = output, let question = conversation.checkIn() {
            StandardOutput.line(style.reply(question) + "\n")
        }
        var saved = conversation.state.journal
        var journalWarnings = Set<String>()
        var ended = false
        while let line = reader.readLine() {
            // A blank line is no turn at a prompt or in a script.
            // During a guided routine, Enter alone means "next".
            guard line.contains(where: { !$0.isWhitespace }) || conversation.isGuiding else { continue }
            if line.count > Interpreter.maximumLineLength {
                StandardError.write(
                    "rubdown: note: that line is long; only its first \(Interpreter.maximumLineLength) characters were read\n")
            }
            let turn = conversation.send(line)
            switch output {
            case .json:
                StandardOutput.line(JSONContract.line(turn))
            case .text(let style):
                var style = style
                if style.width != nil { style.width = TerminalStyle.currentWidth() }
                let seekCare = turn.triage?.level == .seekCare
                StandardOutput.line((seekCare ? style.urgent(turn.reply) : style.reply(turn.reply)) + "\n")
            }
            if pace, case .text(let style) = output, style.width != nil, let seconds = turn.routineStep?.step.seconds {
                Self.countDown(seconds)
            }
            if let store = journalStore, let before = saved, let journal = conversation.state.journal, journal != before {
                if let warning = store.save(from: before, to: journal) {
                    // Said once; the change stays pending and is saved with the next one.
                    if journalWarnings.insert(warning).inserted { StandardError.warn(warning) }
                } else {
                    saved = journal
                }
            }
            if turn.ends {
                ended = true
                break
            }
        }
        if !ended { sayGoodbyeAtEndOfInput() }
        reader.close()
        return savePlan()
    }

    /// Ctrl-D at the prompt, or a script that stops mid-way: a warning still held for an unanswered question
    /// is said, not lost with it, and at a terminal the coach says goodbye as it would to "quit". (The JSON
    /// contract is one line per line typed, so it gets no extra line.)
    private func sayGoodbyeAtEndOfInput() {
        // (Not when a signal ended the input: SIGTERM or SIGHUP is no goodbye.)
        guard case .text(let style) = output, Termination.received == nil else { return }
        let safety = conversation.coach.safety
        guard atPrompt || safety.leavingWarning(conversation.state) != nil else { return }
        // At the prompt, readline has already moved to a fresh line.
        let goodbye = atPrompt ? conversation.coach.content.knowledge.say("goodbye") : ""
        StandardOutput.line(style.reply(safety.farewell(goodbye, state: conversation.state)) + "\n")
    }

    /// A countdown that rewrites one line each second, so the runner can keep their hands busy.
    static func countDown(_ seconds: Int) {
        for left in stride(from: seconds, to: 0, by: -1) {
            StandardOutput.write("\r  \(left) s ")
            sleep(1)
        }
        StandardOutput.line("\r  time's up: next when ready")
    }

    /// Writes the plan when one was asked for and there is one; `.ioError` when it could not be written.
    private func savePlan() -> ExitStatus {
        guard let planFile else { return .success }
        guard conversation.hasPlan else {
            StandardError.write(
                "rubdown: note: no plan to save: the conversation did not get to one, so \(planFile.path.escapingControlCharacters) was not written\n"
            )
            return .success
        }
        if let problem = planFile.save(conversation.plan()) {
            StandardError.write("rubdown: error: \(problem.escapingControlCharacters)\n")
            return .ioError
        }
        return .success
    }
}
