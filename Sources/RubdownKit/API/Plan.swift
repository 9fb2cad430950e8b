/// The conversation's outcome as a short Markdown plan a runner can keep or print
/// (`summary`, `--save-plan FILE.md`): the areas, the level, the routine, the bath, when to get help.
public enum Plan {
    /// The plan's first line: how a file is recognised as a plan Rubdown wrote (one that
    /// `--save-plan` may replace).
    public static let title = "# Your post-run recovery plan"

    /// Whether the conversation got as far as a plan: an area talked about, an assessment, a
    /// warning sign or a guided routine. A bare `quit` has none, and writes no file.
    public static func exists(state: ConversationState) -> Bool {
        !state.areas.isEmpty || state.lastTriage != nil || !state.redFlags.isEmpty || state.routine != nil
    }

    public static func markdown(state: ConversationState, knowledge: KnowledgeBase) -> String {
        // Fitted to what the runner told about themselves, as every reply is.
        let advice = Advice(knowledge, runner: state.runner)
        let flagged = state.areas.filter(state.isFlagged)
        let areas = state.areas.filter { !state.isFlagged($0) }
        let level = state.lastTriage?.level
        var lines = [title, ""]
        lines.append("- **Areas:** " + (state.areas.isEmpty ? "legs in general" : knowledge.names(of: state.areas)))
        lines.append("- **Level:** " + (level.map(describe) ?? "not assessed (tell me what's sore to check it)"))
        if !state.redFlags.isEmpty {
            lines += ["", "## See a professional first", ""]
            let safety = Safety(knowledge)
            for flag in state.redFlags.compactMap(knowledge.redFlag) {
                lines.append("- **\(flag.name):** \(flag.why) " + safety.instruction(for: flag.urgency))
            }
            if !flagged.isEmpty { lines.append("- No massage for your \(knowledge.names(of: flagged)) until then.") }
        }
        if level != .seekCare || !areas.isEmpty {
            let techniques = advice.techniques(for: areas, gentle: state.wantsGentle, gentlest: level == .caution)
            if !techniques.isEmpty && (flagged.isEmpty || !areas.isEmpty) {
                lines += ["", "## Routine", ""]
                for (index, technique) in techniques.enumerated() {
                    lines.append("\(index + 1). **\(technique.name)** (\(technique.repetitions)): \(technique.summary)")
                }
                lines.append("")
                lines.append(knowledge.say("routine-order"))
                if !advice.runnerMassageAdvice.isEmpty { lines += ["", advice.runnerMassageAdvice] }
            }
            let bath = advice.bathSuggestion(level: level ?? .selfCare, hardRun: state.facts.isLongRun)
            let bathText = bath.text.replacingOccurrences(of: "Bath: ", with: "")
            if !bathText.isEmpty { lines += ["", "## Bath", "", bathText.prefix(1).uppercased() + bathText.dropFirst()] }
        }
        lines += [
            "", "## When to get help", "", knowledge.say("see-professional"), "", knowledge.say("stop-when"), "",
            "_"
                + knowledge.say("not-diagnosis") + "_", "",
        ]
        return lines.joined(separator: "\n")
    }

    static func describe(_ level: TriageOutcome.Level) -> String {
        switch level {
        case .selfCare: return "self-care: ordinary post-run soreness"
        case .caution: return "caution: a possible strain; gentle care only, and see a physio if it isn't better in a few days"
        case .seekCare: return "seek care: a warning sign; no massage until a professional has checked it"
        }
    }
}

extension Conversation {
    /// This conversation's plan, as Markdown.
    public func plan() -> String { Plan.markdown(state: state, knowledge: coach.content.knowledge) }

    /// Whether there is a plan to save (see `Plan.exists`).
    public var hasPlan: Bool { Plan.exists(state: state) }
}
