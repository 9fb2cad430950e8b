import Foundation
import RubdownKit

/// The conversation loop: read a line, let the coach answer, print the reply (or the JSON
/// contract line), flush. Ends at end of input or when the runner quits.
public struct Session {
    public enum Output { case text(TerminalStyle), json }

    private var conversation: Conversation
    private var reader: any LineReader
    private let output: Output
    /// Count down timed routine steps in place (only ever on a terminal).
    private let pace: Bool
    /// Where to write the conversation's plan as Markdown when it ends.
    private let planPath: String?

    /// Where the journal is kept; nil keeps none.
    private let journalStore: JournalStore?

    public init(
        conversation: Conversation, reader: any LineReader, output: Output, pace: Bool = false, planPath: String? = nil,
        journalStore: JournalStore? = nil
    ) {
        self.conversation = conversation
        self.reader = reader
        self.output = output
        self.pace = pace
        self.planPath = planPath
        self.journalStore = journalStore
    }

    public mutating func run() {
        // Next time: ask how the areas from the journal feel now.
        if case .text(let style) = output, let journal = conversation.state.journal,
            let question = journal.checkIn(now: Date(), knowledge: conversation.coach.content.knowledge)
        {
            print(style.reply(question) + "\n")
            fflush(nil)
        }
        var saved = conversation.state.journal
        while let line = reader.readLine() {
            // A blank line is no turn at a prompt or in a script.
            // During a guided routine, Enter alone means "next".
            guard line.contains(where: { !$0.isWhitespace }) || conversation.isGuiding else { continue }
            if line.count > Interpreter.maximumLineLength {
                StandardError.write("rubdown: note: that line is long; only its first \(Interpreter.maximumLineLength) characters were read\n")
            }
            let turn = conversation.send(line)
            switch output {
            case .json:
                print(JSONContract.line(turn))
            case .text(let style):
                var style = style
                if style.width != nil { style.width = TerminalStyle.currentWidth() }
                let seekCare = turn.triage?.level == .seekCare
                print((seekCare ? style.urgent(turn.reply) : style.reply(turn.reply)) + "\n")
            }
            fflush(nil)  // all output streams; Swift 6 rejects naming the global stdout
            if pace, case .text(let style) = output, style.width != nil, let seconds = turn.routineStep?.step.seconds {
                Self.countDown(seconds)
            }
            if let store = journalStore, conversation.state.journal != saved, let journal = conversation.state.journal {
                if let warning = store.save(journal) { StandardError.warn(warning) }
                saved = journal
            }
            if turn.ends { break }
        }
        reader.close()
        if let planPath { savePlan(to: planPath) }
    }

    /// A countdown that rewrites one line each second, so the runner can keep their hands busy.
    static func countDown(_ seconds: Int) {
        for left in stride(from: seconds, to: 0, by: -1) {
            print("\r  \(left) s ", terminator: "")
            fflush(nil)
            sleep(1)
        }
        print("\r  time's up: next when ready")
        fflush(nil)
    }

    private func savePlan(to path: String) {
        do {
            try conversation.plan().write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            StandardError.warn("could not save the plan to \(path): \(error.localizedDescription)")
        }
    }
}
