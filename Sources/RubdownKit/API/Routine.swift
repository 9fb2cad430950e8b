/// A guided routine: the runner's hands are on their legs, so Rubdown gives one step at a
/// time and moves on with `next` (or Enter), `back`, `repeat`, `skip` and `stop`.
public struct Routine: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        var technique: String
        var leg: String
        /// What to do, already worded for the runner.
        var instruction: String
        var repetitions: String
        /// For timed steps, how long to keep going (for `--pace`).
        public var seconds: Int?
        var watchFor: String

        public init(technique: String, leg: String, instruction: String, repetitions: String, seconds: Int?, watchFor: String) {
            self.technique = technique
            self.leg = leg
            self.instruction = instruction
            self.repetitions = repetitions
            self.seconds = seconds
            self.watchFor = watchFor
        }
    }

    var areas: [String]
    public var steps: [Step]
    var index = 0
    /// The plugin and intent that started it, which its turns belong to.
    var plugin = ""
    var intent = ""

    public init(areas: [String], steps: [Step]) {
        self.areas = areas
        self.steps = steps
    }

    var current: Step? { steps.indices.contains(index) ? steps[index] : nil }

    /// The current step with its place in the routine (`Turn.routineStep`, the contract's `routine_step`).
    var position: (index: Int, of: Int, step: Step)? { current.map { (index + 1, steps.count, $0) } }

    /// The current step as the runner reads it.
    public var text: String {
        guard let step = current else { return "" }
        var lines = ["Step \(index + 1) of \(steps.count): \(step.technique), \(step.leg)."]
        lines.append(step.instruction)
        lines.append("How many: \(step.repetitions).")
        if !step.watchFor.isEmpty { lines.append("Watch for: \(step.watchFor)") }
        lines.append(
            index + 1 < steps.count
                ? "Say next (or press Enter) when you're ready; back, repeat, skip or stop." : "That's the last step: say next to finish.")
        return lines.joined(separator: "\n")
    }

    public enum Command: Sendable, Equatable {
        case next, back, repeatStep, skip, stop
        /// "skip to the roller bit": the first step of that technique (by name).
        case skipTo(String)
        /// "how long will this take?"
        case howLong
        /// "shorter version?": at most one more technique after the current one.
        case shorter
        /// "what am I supposed to feel?": how a good massage feels, and when to stop.
        case whatToFeel
    }

    /// What a runner says mid-routine in their own words ("skip the rest, goodnight", "how long
    /// will this take?", "skip to the roller bit"), or nil. `technique` is the name of a technique
    /// the line mentions, if any.
    public static func chatter(_ line: String, technique: String?) -> Command? {
        let words = line.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        func says(_ phrase: [String]) -> Bool {
            guard phrase.count <= words.count else { return false }
            return (0...(words.count - phrase.count)).contains { Array(words[$0..<($0 + phrase.count)]) == phrase }
        }
        let stops: [[String]] = [
            ["skip", "the", "rest"], ["rest", "of", "it"], ["goodnight"], ["good", "night"], ["night", "night"], ["i", "m", "done"],
            ["im", "done"], ["that", "ll", "do"], ["call", "it", "a", "night"], ["enough", "for", "tonight"], ["enough", "for", "today"],
            ["going", "to", "bed"], ["off", "to", "bed"],
        ]
        if stops.contains(where: says) { return .stop }
        if says(["how", "long"]) || says(["how", "much", "longer"]) || says(["how", "many", "steps"]) || says(["time", "left"])
            || says(["how", "many", "left"]) || says(["how", "many", "more"])
        {
            return .howLong
        }
        if says(["go", "back"]) || says(["back", "one"]) || says(["previous", "step"]) || says(["last", "one", "again"]) {
            return .back
        }
        // "what am I supposed to feel?", "is it meant to hurt a bit?"
        if says(["supposed", "to", "feel"]) || says(["meant", "to", "feel"]) || says(["meant", "to", "hurt"])
            || says(["supposed", "to", "hurt"]) || says(["should", "it", "hurt"]) || says(["should", "i", "feel"])
        {
            return .whatToFeel
        }
        if words.contains("shorter") || words.contains("quicker") || says(["short", "version"]) || says(["speed", "it", "up"])
            || says(["cut", "it", "short"])
        {
            return .shorter
        }
        if let technique, words.contains("to"), !Set(words).isDisjoint(with: ["skip", "jump", "go", "straight", "move", "onto", "on"]) {
            return .skipTo(technique)
        }
        return nil
    }

    /// About how long the steps left take, this one included, in minutes (a minute or so a step).
    var minutesLeft: Int {
        let seconds = steps[index...].reduce(0) { $0 + max($1.seconds ?? 60, 45) }
        return max(1, Int((Double(seconds) / 60).rounded()))
    }

    /// The same routine with at most one more technique after the current step's.
    func shortened() -> Routine {
        guard let current else { return self }
        var kept = Array(steps[...index])
        var rest = steps[(index + 1)...].filter { $0.technique == current.technique }
        if let next = steps[(index + 1)...].first(where: { $0.technique != current.technique }) {
            rest += steps[(index + 1)...].filter { $0.technique == next.technique }
        }
        kept += rest
        var routine = self
        routine.steps = kept
        return routine
    }

    /// A navigation command, or nil for anything else (a question mid-routine).
    public static func command(_ line: String) -> Command? {
        let words = line.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        switch words {
        case [], ["next"], ["n"], ["ok"], ["okay"], ["done"], ["go"], ["next", "step"], ["ready"], ["continue"], ["carry", "on"],
            ["ok", "done"], ["okay", "done"], ["all", "done"], ["done", "that"], ["finished"], ["righto"], ["right"], ["ok", "next"],
            ["ok", "go"], ["go", "on"], ["next", "one"]:
            return .next
        case ["back"], ["previous"], ["go", "back"], ["last", "step"], ["prev"]: return .back
        case ["repeat"], ["again"], ["repeat", "that"], ["say", "again"], ["one", "more", "time"]: return .repeatStep
        case ["skip"], ["skip", "it"], ["skip", "this"], ["skip", "that"], ["skip", "step"]: return .skip
        case ["stop"], ["end"], ["finish"], ["stop", "routine"], ["end", "routine"], ["that", "s", "enough"], ["enough"]: return .stop
        default: return nil
        }
    }
}

extension Advice {
    /// The routine for the areas: each fitting technique, in routine order, once for each leg;
    /// gentler tools only when `gentle`, stroking only when `gentlest` (a possible strain).
    public func routine(for areas: [String], gentle: Bool, gentlest: Bool) -> Routine {
        var steps: [Routine.Step] = []
        for technique in fitted(techniques(for: areas, gentle: gentle, gentlest: gentlest)) {
            let seconds = Self.seconds(in: technique.repetitions)
            for leg in ["left leg", "right leg"] {
                steps.append(
                    Routine.Step(
                        technique: technique.name, leg: leg, instruction: technique.steps.joined(separator: " "),
                        repetitions: technique.repetitions, seconds: seconds, watchFor: technique.cautions.first ?? ""))
            }
        }
        return Routine(areas: areas, steps: steps)
    }

    /// "about 30 to 60 seconds on each area" → 30.
    static func seconds(in text: String) -> Int? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let rest = words[(index + 1)...].prefix(3)
            if let value = Int(word), rest.contains(where: { $0.hasPrefix("second") }) { return value }
        }
        return nil
    }
}
