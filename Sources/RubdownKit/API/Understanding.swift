/// What Rubdown understood of one line: the stages of the pipeline, kept for `--explain`.
public struct Understanding: Sendable {
    package var input: String
    /// After normalisation and spelling correction.
    public var normalized: String
    public var corrections: [Correction]
    public var entities: Entities
    /// Intents ranked best first (at most five).
    public var ranking: [IntentScore]
    /// Whether the line names an area, technique, bath or soreness word: the domain Rubdown covers.
    public var inDomain: Bool
    /// Intents one of whose keywords the line says.
    public var keywordIntents: Set<String> = []

    /// The scope model's reading (`scope-model.yaml`): which plugin the words are for, and how likely the line is to be
    /// about something else; nil without a model, or for a line of under five words.
    package var scope: Scope?
    package struct Scope: Sendable {
        package var likeliestPlugin: String
        package var outOfScope: Double
        /// Above this the line is declined, whatever the ranking.
        package var declineAbove: Double
    }

    public var top: IntentScore? { ranking.first }
    public var confidence: Double { ranking.first?.score ?? 0 }
}

public struct Correction: Sendable, Hashable {
    public var from: String
    public var to: String
}

public struct IntentScore: Sendable, Hashable {
    public var intent: String
    public var plugin: String
    /// Calibrated to [0, 1].
    public var score: Double
}

/// The facts one line states. Empty fields mean "not said".
public struct Entities: Sendable, Hashable {
    public enum Answer: String, Sendable, Hashable { case yes, no, unknown, skip }

    public var bodyParts: [String] = []
    /// Areas the line rules out: "not my knees".
    public var negatedBodyParts: [String] = []
    public var techniques: [String] = []
    public var baths: [String] = []
    public var distanceKm: Double?
    public var daysAgo: Double?
    public var painLevel: Int?
    /// dull, tight, sharp, burning, throbbing, tender
    public var painKind: String?
    public var swelling: Bool?
    public var redFlags: [String] = []
    /// Red flags the line's words met but an `unless` word set aside ("went away"): shown by `--explain`.
    public var vetoedRedFlags: [String] = []
    /// The red flag the sign model gave a line where no pattern found one (shown by `--explain`).
    public var redFlagFromModel: String?
    /// The words the line models read, a negated one marked "not_" (shown by `--explain`; `scripts/line-model.py` trains
    /// on them).
    package var lineModelWords: [String] = []
    /// Caution routes the line describes (a fresh strain, first-step heel pain...).
    public var cautions: [String] = []
    /// Serious symptom concepts the line names, flag or not ("swelling", "numbness"): reason to ask, never to dismiss.
    public var symptoms: [String] = []
    /// Whether one of `symptoms` is worth the questions even without an area ("I feel faint").
    public var symptomStandsAlone = false
    /// Is it easing, the same, or getting worse?
    public var trend: Trend?
    /// The colour of the runner's urine, as told.
    public var urine: UrineColour?
    /// One spot on the bone, or spread along?
    public var spread: Spread?
    /// "started hurting 7k in", "during the run": the pain began on the run.
    public var duringRun = false
    /// The line talks about urine ("my pee is dark").
    public var mentionsUrine = false
    /// The line tells of the hands or face and of no leg area ("my fingers swelled up"): not about the areas discussed.
    public var aboutHandsOrFace = false
    public var answer: Answer?
    /// "my legs are wrecked": soreness with no area named.
    public var generalSoreness = false
    /// A word of discomfort anywhere in the line ("screaming", "stiff", "ow"), area or not.
    public var discomfort = false
    /// "legs a bit meh after my jog", "calves are being dramatic today": a leg area, or the legs, told of in a line that
    /// mentions a run, or in a statement that asks nothing, not said to be fine nor asked for
    /// (`Interpreter.tellsOfALegBesideARun`). Said, not asked, it is a report, whatever the words for the feeling.
    public var areaToldOf = false
    /// The areas knocked ("banged my knee on a bench", "whacked my shin on a gate").
    public var knockedAreas: [String] = []
    /// A knock to an area: an injury told, whatever it hit.
    public var knockToAnArea: Bool { !knockedAreas.isEmpty }
    /// "the other leg"
    public var otherSide = false
    /// "what are the signs of a clot?": a question about warning signs in general, which names one but
    /// describes none of the runner's (its red flags are left out).
    public var asksAboutSigns = false
    /// The line opens with the area it is about ("my knees ache", "both calves are tight"), rather than
    /// naming one inside a description ("sharp when I go up on my toes").
    public var opensWithArea = false
    /// The line names areas and nothing else but small words and groans: "calf", "ugh my hammies".
    public var namesOnlyAreas = false
    /// What the runner says about themselves (`runner-facts.yaml` ids): "I'm pregnant", "no foam roller".
    public var runnerFacts: [String] = []
    /// What the runner takes back about themselves: "I'm not pregnant", "forget that I'm on warfarin".
    public var runnerFactsWithdrawn: [String] = []
    /// "I've only got five minutes": the time the runner has for a routine.
    public var minutesAvailable: Int?

    /// The line tells how the area is: swelling, a pain level or kind, or its course.
    public var tellsHowItIs: Bool { swelling != nil || painLevel != nil || painKind != nil || trend != nil }

    public init() {}
}

public enum Trend: String, Sendable, Hashable { case easing, same, worse }
public enum UrineColour: String, Sendable, Hashable {
    case normal
    /// Dehydration: drink and recheck.
    case darkYellow = "dark-yellow"
    /// Brown, red, cola or tea: muscle breakdown until shown otherwise.
    case brown
    /// Very little or none after an effort, whatever the colour: the same worry as brown.
    case scanty
}
public enum Spread: String, Sendable, Hashable { case pinpoint, diffuse }
