/// The machine-readable contract: one JSON object per line. Keys keep the documented order;
/// fields may be added, never renamed or removed.
public enum JSONContract {
    /// `{"input", "reply", "plugin", "intent", "confidence", "entities", "awaiting", "triage", "routine_step"}`.
    public static func line(_ turn: Turn) -> String {
        var json = OrderedJSON.Object()
        json.add("input", turn.input)
        json.add("reply", turn.reply)
        json.add("plugin", turn.plugin)
        json.add("intent", turn.intent)
        json.add("confidence", rounded(turn.confidence))
        json.add("entities", object(turn.entities))
        json.add("awaiting", turn.awaiting?.rawValue)
        json.add("triage", turn.triage.map(object))
        json.add("routine_step", turn.routineStep.map(object))
        return json.closed
    }

    /// `{"input", "plugin", "intent", "confidence", "entities"}`.
    public static func line(_ classification: Classification) -> String {
        var json = OrderedJSON.Object()
        json.add("input", classification.input)
        json.add("plugin", classification.plugin)
        json.add("intent", classification.intent)
        json.add("confidence", rounded(classification.confidence))
        json.add("entities", object(classification.entities))
        return json.closed
    }

    /// `{"text", "intent", "plugin"}`.
    public static func line(example: String, intent: Intent) -> String {
        var json = OrderedJSON.Object()
        json.add("text", example)
        json.add("intent", intent.id)
        json.add("plugin", intent.plugin)
        return json.closed
    }

    /// Confidence with three decimals, so output is stable and readable.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// What the line said: `body_parts` and `red_flags` always, the rest only when said.
    static func object(_ entities: Entities) -> OrderedJSON.Object {
        var json = OrderedJSON.Object()
        json.add("body_parts", entities.bodyParts)
        if let distance = entities.distanceKm { json.add("distance_km", distance) }
        json.add("red_flags", entities.redFlags)
        if !entities.negatedBodyParts.isEmpty { json.add("negated_body_parts", entities.negatedBodyParts) }
        if !entities.techniques.isEmpty { json.add("techniques", entities.techniques) }
        if !entities.baths.isEmpty { json.add("baths", entities.baths) }
        if let level = entities.painLevel { json.add("pain_level", level) }
        if let kind = entities.painKind { json.add("pain_kind", kind) }
        if let swelling = entities.swelling { json.add("swelling", swelling) }
        if let days = entities.daysAgo { json.add("days_ago", days) }
        if let answer = entities.answer { json.add("answer", answer.rawValue) }
        if !entities.cautions.isEmpty { json.add("cautions", entities.cautions) }
        if let trend = entities.trend { json.add("trend", trend.rawValue) }
        if let urine = entities.urine { json.add("urine", urine.rawValue) }
        if let spread = entities.spread { json.add("spread", spread.rawValue) }
        if !entities.runnerFacts.isEmpty { json.add("runner_facts", entities.runnerFacts) }
        if !entities.runnerFactsWithdrawn.isEmpty { json.add("runner_facts_withdrawn", entities.runnerFactsWithdrawn) }
        if entities.asksAboutSigns { json.add("asks_about_signs", true) }
        if let minutes = entities.minutesAvailable { json.add("minutes_available", minutes) }
        return json
    }

    private static func object(_ outcome: TriageOutcome) -> OrderedJSON.Object {
        var json = OrderedJSON.Object()
        json.add("level", outcome.level.rawValue)
        json.add("body_parts", outcome.bodyParts)
        json.add("reasons", outcome.reasons)
        json.add("urgency", outcome.urgency.rawValue)
        return json
    }

    private static func object(_ step: (index: Int, of: Int, step: Routine.Step)) -> OrderedJSON.Object {
        var json = OrderedJSON.Object()
        json.add("index", step.index)
        json.add("of", step.of)
        json.add("technique", step.step.technique)
        json.add("leg", step.step.leg)
        json.add("seconds", step.step.seconds)
        return json
    }
}
