/// A scripted conversation with expectations on each turn's JSON (see docs/story-format.md).
public struct Story: Sendable {
    public struct Expectation: Sendable {
        public enum Check: Sendable {
            case equals(String)
            case contains(String)
            case lacks(String)
        }
        var path: String
        var check: Check
        var line: Int
    }
    public struct Step: Sendable {
        var input: String
        var line: Int
        var expectations: [Expectation]
    }

    var file: String
    public var name: String
    var steps: [Step]
    /// The lines the runner types, in order.
    public var inputs: [String] { steps.map(\.input) }

    /// Parses a story; a malformed line is reported as `file:line`.
    public static func parse(file: String, text: String) throws -> Story {
        try StoryParser.parse(file: file, text: text)
    }

    /// Runs the story in a fresh conversation; returns one message per failed expectation.
    public func run(with coach: Coach) -> [String] {
        var conversation = coach.startConversation()
        var failures: [String] = []
        for step in steps {
            let turn = conversation.send(step.input)
            let json = JSONContract.line(turn)
            guard let object = JSONValue(parsing: json) else {
                failures.append("\(file):\(step.line): the turn's JSON does not parse: \(json)")
                continue
            }
            for expectation in step.expectations {
                if let problem = StoryParser.check(expectation, against: object) {
                    failures.append("\(file):\(expectation.line): after \"\(step.input)\": \(problem)")
                }
            }
        }
        return failures
    }
}
