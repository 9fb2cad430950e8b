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

    public enum Command: Sendable { case next, back, repeatStep, skip, stop }

    /// A navigation command, or nil for anything else (a question mid-routine).
    public static func command(_ line: String) -> Command? {
        let words = line.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        switch words {
        case [], ["next"], ["n"], ["ok"], ["okay"], ["done"], ["go"], ["next", "step"], ["ready"], ["continue"], ["carry", "on"]:
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
        for technique in techniques(for: areas, gentle: gentle, gentlest: gentlest) {
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
