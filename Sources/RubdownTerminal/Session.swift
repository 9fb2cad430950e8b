import Foundation
import RubdownKit

/// The conversation loop: read a line, let the coach answer, print the reply (or the JSON
/// contract line), flush. Ends at end of input or when the runner quits.
public struct Session {
    public enum Output { case text(TerminalStyle), json }

    private var conversation: Conversation
    private var reader: any LineReader
    private let output: Output

    public init(conversation: Conversation, reader: any LineReader, output: Output) {
        self.conversation = conversation
        self.reader = reader
        self.output = output
    }

    public mutating func run() {
        while let line = reader.readLine() {
            // A blank line is no turn at a prompt or in a script.
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
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
                print(style.reply(turn.reply) + "\n")
            }
            fflush(nil)  // all output streams; Swift 6 rejects naming the global stdout
            if turn.ends { break }
        }
        reader.close()
    }
}
