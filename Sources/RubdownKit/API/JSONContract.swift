import Foundation

/// The machine-readable contract: one JSON object per line. Keys keep the documented order;
/// fields may be added, never renamed or removed.
public enum JSONContract {
    public static func line(_ turn: Turn) -> String {
        encode(TurnJSON(turn))
    }

    public static func line(_ classification: Classification) -> String {
        encode(ClassificationJSON(classification))
    }

    public static func line(example: String, intent: Intent) -> String {
        encode(ExampleJSON(text: example, intent: intent.id, plugin: intent.plugin))
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = OrderedJSONEncoder()
        try? value.encode(to: encoder)
        return encoder.storage.rendered
    }

    /// Confidence with three decimals, so output is stable and readable.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

private struct ExampleJSON: Encodable {
    var text: String
    var intent: String
    var plugin: String
}

struct EntitiesJSON: Encodable {
    let entities: Entities

    enum Keys: String, CodingKey {
        case bodyParts = "body_parts", distanceKm = "distance_km", redFlags = "red_flags"
        case negatedBodyParts = "negated_body_parts", techniques, baths, painLevel = "pain_level"
        case painKind = "pain_kind", swelling, daysAgo = "days_ago", answer, cautions, trend, urine, spread
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(entities.bodyParts, forKey: .bodyParts)
        try c.encodeIfPresent(entities.distanceKm, forKey: .distanceKm)
        try c.encode(entities.redFlags, forKey: .redFlags)
        if !entities.negatedBodyParts.isEmpty { try c.encode(entities.negatedBodyParts, forKey: .negatedBodyParts) }
        if !entities.techniques.isEmpty { try c.encode(entities.techniques, forKey: .techniques) }
        if !entities.baths.isEmpty { try c.encode(entities.baths, forKey: .baths) }
        try c.encodeIfPresent(entities.painLevel, forKey: .painLevel)
        try c.encodeIfPresent(entities.painKind, forKey: .painKind)
        try c.encodeIfPresent(entities.swelling, forKey: .swelling)
        try c.encodeIfPresent(entities.daysAgo, forKey: .daysAgo)
        try c.encodeIfPresent(entities.answer?.rawValue, forKey: .answer)
        if !entities.cautions.isEmpty { try c.encode(entities.cautions, forKey: .cautions) }
        try c.encodeIfPresent(entities.trend?.rawValue, forKey: .trend)
        try c.encodeIfPresent(entities.urine?.rawValue, forKey: .urine)
        try c.encodeIfPresent(entities.spread?.rawValue, forKey: .spread)
    }
}

private struct TriageJSON: Encodable {
    let outcome: TriageOutcome
    enum Keys: String, CodingKey { case level, bodyParts = "body_parts", reasons, urgency }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(outcome.level.rawValue, forKey: .level)
        try c.encode(outcome.bodyParts, forKey: .bodyParts)
        try c.encode(outcome.reasons, forKey: .reasons)
        try c.encode(outcome.urgency.rawValue, forKey: .urgency)
    }
}

private struct TurnJSON: Encodable {
    let turn: Turn
    init(_ turn: Turn) { self.turn = turn }
    enum Keys: String, CodingKey {
        case input, reply, plugin, intent, confidence, entities, awaiting, triage
        case routineStep = "routine_step"
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(turn.input, forKey: .input)
        try c.encode(turn.reply, forKey: .reply)
        try c.encode(turn.plugin, forKey: .plugin)
        try c.encode(turn.intent, forKey: .intent)
        try c.encode(JSONContract.rounded(turn.confidence), forKey: .confidence)
        try c.encode(EntitiesJSON(entities: turn.entities), forKey: .entities)
        try c.encode(turn.awaiting?.rawValue, forKey: .awaiting)
        try c.encode(turn.triage.map(TriageJSON.init), forKey: .triage)
        try c.encode(turn.routineStep.map(RoutineStepJSON.init), forKey: .routineStep)
    }
}

private struct RoutineStepJSON: Encodable {
    let index: Int, of: Int, step: Routine.Step
    init(_ value: (index: Int, of: Int, step: Routine.Step)) { (index, of, step) = value }
    enum Keys: String, CodingKey { case index, of, technique, leg, seconds }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(index, forKey: .index)
        try c.encode(of, forKey: .of)
        try c.encode(step.technique, forKey: .technique)
        try c.encode(step.leg, forKey: .leg)
        try c.encode(step.seconds, forKey: .seconds)
    }
}

private struct ClassificationJSON: Encodable {
    let classification: Classification
    init(_ classification: Classification) { self.classification = classification }
    enum Keys: String, CodingKey { case input, plugin, intent, confidence, entities }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(classification.input, forKey: .input)
        try c.encode(classification.plugin, forKey: .plugin)
        try c.encode(classification.intent, forKey: .intent)
        try c.encode(JSONContract.rounded(classification.confidence), forKey: .confidence)
        try c.encode(EntitiesJSON(entities: classification.entities), forKey: .entities)
    }
}
