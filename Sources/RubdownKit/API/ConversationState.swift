/// Follow-up question ids (the contract's `awaiting`).
public struct Slot: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public static let bodyPart: Slot = "body_part"
    public static let painLevel: Slot = "pain_level"
    public static let painKind: Slot = "pain_kind"
    public static let swelling: Slot = "swelling"
    public static let when: Slot = "when"
    public static let distance: Slot = "distance"
    /// Easing, the same, or getting worse? (asked from day three on)
    public static let trend: Slot = "trend"
    /// The colour of the runner's urine (asked after severe pain from a long or hard effort).
    public static let urine: Slot = "urine"
    /// One spot on the bone, or spread along? (asked about shins and feet)
    public static let spread: Slot = "spread"
    /// The dialogue's own question when two intents fit a line about equally well.
    public static let clarify: Slot = "clarify"
    /// Whether to keep a journal; asked once, by the dialogue.
    public static let journalConsent: Slot = "journal_consent"
}

public struct Question: Sendable, Hashable {
    public var slot: Slot
    public var prompt: String
    /// Example answers, shown when an answer could not be read.
    var examples: String
    /// The area this wording of the slot's question is for ("back": where the pain spreads, bladder control);
    /// nil for the general wording.
    public var area: String?

    /// The sign check this question is (`SignCheck`); nil for an ordinary question.
    public var check: SignCheck?

    public init(slot: Slot, prompt: String, examples: String, area: String? = nil, check: SignCheck? = nil) {
        self.slot = slot
        self.prompt = prompt
        self.examples = examples
        self.area = area
        self.check = check
    }
}

public struct PendingQuestion: Sendable, Hashable {
    public var question: Question
    var plugin: String
    var intent: String
    /// How many times it has been asked.
    var attempts: Int
    /// Asked alongside an answer to something else (the screening question after a technique for a sore area): a
    /// line that does not answer it moves on without it, rather than coming back to it.
    var alongside = false
    /// The journal's check-in ("How do they feel now?"): an answer that they are easing, and nothing more, ends it.
    var checkIn = false
    /// For a clarifying question: the intents offered, and the line they were offered for.
    var options: [String] = []
    var originalInput: String = ""
}

/// What the runner has told Rubdown so far; filled from every line, whoever answers it.
public struct Facts: Sendable, Hashable {
    public var painLevel: Int?
    public var painKind: String?
    public var swelling: Bool?
    public var daysAgo: Double?
    package var distanceKm: Double?
    public var trend: Trend?
    package var urine: UrineColour?
    var spread: Spread?
    /// The pain began during the run rather than after it.
    var duringRun = false
    /// A "yes" to the back screen: a change in bladder or bowel control, or numbness around the bottom.
    var bladderChange = false
    /// Back or buttock pain said to run down the leg (the answer to the back's or the buttock's spread question).
    package var painRunsDownLeg = false
    /// ... and down both legs, where numbness or weakness is a squeezed spinal cord rather than one trapped nerve.
    package var painRunsDownBothLegs = false
    /// The answers to the sign checks asked so far (`SignCheck`): true for a sign, false for none.
    package var signCheckAnswers: [SignCheck: Bool] = [:]
    /// Sign checks given up on ("not sure", or twice unreadable); the slot they share stays open.
    package var checksGivenUp: Set<SignCheck> = []
    /// Swelling told of both legs ("both of them"): more likely muscle breakdown than a clot, which is one-sided.
    package var swollenBothSides = false
    /// Swelling told of both legs and gone down overnight ("both ankles were a bit puffy ... gone down by morning"): the
    /// heat's, not a clot's, which is one-sided and does not settle overnight.
    package var swellingSettledOvernight = false
    /// Both sides told of earlier ("thighs and bum, both sides"): a later "they look swollen" is of both.
    package var soreBothSides = false
    /// The areas knocked ("whacked my shin on a bench"): one sore spot there is the bruise's, not a stress fracture's.
    package var knockedAreas: Set<String> = []
    /// The knee's trouble told behind it ("the back of my knee", "swollen behind it"), where the calf's deep vein
    /// runs: swelling there is read as a calf's (a possible clot), not as a puffy knee joint's.
    package var behindTheKnee = false
    /// The runner has mentioned their urine: its colour is worth asking.
    public var urineMentioned = false
    /// Slots the runner could not or would not answer, or whose answer could not be read twice.
    package var unknown: Set<Slot> = []

    public init() {}

    public func has(_ slot: Slot, areas: [String]) -> Bool {
        if unknown.contains(slot) { return true }
        switch slot {
        case .bodyPart: return !areas.isEmpty
        case .painLevel: return painLevel != nil
        case .painKind: return painKind != nil
        case .swelling: return swelling != nil
        case .when: return daysAgo != nil
        case .distance: return distanceKm != nil
        case .trend: return trend != nil
        case .urine: return urine != nil
        case .spread: return spread != nil
        default: return false
        }
    }

    /// A half marathon or longer.
    public var isLongRun: Bool { (distanceKm ?? 0) >= 21 }
    /// A long run, or one that left pain of 6 or more.
    public var isHardRun: Bool { isLongRun || (painLevel ?? 0) >= 6 }
    /// When the colour of the urine can change the outcome: after a severe effort, strong pain, swelling of both
    /// legs, or when the runner mentioned it. Safety holds a swollen leg until it is known; the urine question is asked then.
    public var urineMatters: Bool { (painLevel ?? 0) >= 8 || isLongRun || urineMentioned || swollenBothSides }

    /// A sign check not yet answered, nor given up on (its answers are read as the pain kind's).
    public func isOpen(_ check: SignCheck) -> Bool { signCheckAnswers[check] == nil && !checksGivenUp.contains(check) }

    /// Records that a question could not be answered: a sign check by itself, any other by its slot.
    mutating func giveUp(on question: Question) {
        if let check = question.check {
            checksGivenUp.insert(check)
        } else {
            unknown.insert(question.slot)
        }
    }

    /// Whether the question was given up on.
    func gaveUp(on question: Question) -> Bool {
        if let check = question.check { return checksGivenUp.contains(check) }
        return unknown.contains(question.slot)
    }
}

public struct TriageOutcome: Sendable, Hashable {
    public enum Level: String, Sendable, Comparable {
        case selfCare = "self-care"
        case caution
        case seekCare = "seek-care"
        private var rank: Int { self == .selfCare ? 0 : self == .caution ? 1 : 2 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }
    public var level: Level
    package var bodyParts: [String]
    package var reasons: [String]
    /// How soon to get help: seek-care is emergency, today or soon; caution soon or none; self-care none.
    package var urgency: Urgency

    public init(level: Level, bodyParts: [String], reasons: [String], urgency: Urgency = .none) {
        self.level = level
        self.bodyParts = bodyParts
        self.reasons = reasons
        self.urgency = urgency
    }
}

/// What the runner told about themselves, kept for the whole conversation: facts from
/// `runner-facts.yaml` ("pregnant", "no-foam-roller") and the minutes they have for a routine.
public struct RunnerProfile: Sendable, Hashable {
    public var facts: [String] = []
    public var minutes: Int?

    public init(facts: [String] = [], minutes: Int? = nil) {
        self.facts = facts
        self.minutes = minutes
    }
}

/// The conversation's memory, shared by the dialogue and the plugins.
public struct ConversationState: Sendable {
    /// Areas under discussion, canonical ids.
    public var areas: [String] = []
    public var facts = Facts()
    /// What the runner said about themselves: unlike `facts`, it outlasts a new complaint.
    public var runner = RunnerProfile()
    /// Red flags raised in this conversation, and the areas they concern (`*` when not tied to an area).
    /// Only safety records these: plugins read them.
    public internal(set) var redFlags: [String] = []
    public internal(set) var flaggedAreas: Set<String> = []
    /// Caution routes raised in this conversation (a fresh strain, first-step heel pain...). Plugins read them.
    public internal(set) var cautions: [String] = []

    /// When the colour of the urine can change the outcome: as `Facts.urineMatters` says, or a thigh told swollen. A
    /// thigh that swells after hard running is muscle breakdown more often than a clot, which starts in the calf: its
    /// urine is asked before it is called a possible clot (blind batches' "quads swollen after hill reps and a 20k", with
    /// cola-coloured urine told only when asked, ended as a possible clot, "today").
    public var urineMatters: Bool {
        // (Not a thigh strain's own swelling, "pulled my hamstring", whose advice is its caution route.)
        facts.urineMatters
            || swellingWhereAClotCanBe && !facts.behindTheKnee && Set(areas).isSubset(of: ["quads", "hamstrings", "glutes"])
    }

    /// Swelling told where a deep-vein clot can be: a calf, a thigh, or behind the knee.
    public var swellingWhereAClotCanBe: Bool {
        // (A thigh swollen a little after a strain told as such, "pulled my hamstring on the last sprint", is the
        // strain's swelling, whose advice is its caution route; a calf's is still asked about, where a clot hides
        // behind a supposed strain.)
        let thighStrain = cautions.contains("strain") && !areas.contains("calves") && !facts.behindTheKnee
        return facts.swelling == true && (!Set(areas).isDisjoint(with: Safety.clotAreas) && !thighStrain || facts.behindTheKnee)
    }
    /// Serious symptom concepts told so far, in any answer: safety combines what no single line says.
    var symptoms: Set<String> = []
    package var pending: PendingQuestion?
    public var lastTriage: TriageOutcome?
    /// The intent of the last line a plugin answered (not counting answers to questions).
    var lastIntent: String?
    /// The intent answered before `lastIntent`: "more" after "is this serious?" gives the warning signs in full.
    package var intentBefore: String?
    /// The runner's journal, when kept (nil with --no-journal).
    public var journal: Journal?
    /// The guided routine under way, if any.
    var routine: Routine?
    /// How the previous line was understood and what its answer drew on, for `why`.
    public var previous: (understanding: Understanding, knowledgeUsed: [String])?
    /// The plugin that answered the previous line (for an answer, the plugin that asked): "why" right
    /// after an outcome is about the outcome.
    public internal(set) var previousPlugin: String?
    /// The plugin whose reply gave the last outcome.
    var outcomePlugin: String?
    /// Whether the last outcome is what the runner is looking at: it was the previous reply, or only the
    /// plugin that gave it has answered since ("more", the journal question).
    public var outcomeIsCurrent: Bool { lastTriage != nil && previousPlugin != nil && previousPlugin == outcomePlugin }
    /// The last few replies, newest last, so a long card is not printed again word for word.
    var recentReplies: [String] = []

    /// What the runner has told so far, in a few words ("your calves, no swelling, a dull ache, 4 out of 10").
    public func factsSaid(knowledge: KnowledgeBase) -> String {
        SlotFilling.describe(
            [.bodyPart, .swelling, .spread, .painKind, .painLevel, .when, .trend, .distance, .urine], in: self, knowledge: knowledge)
    }

    public init() {}

    /// A new complaint after an outcome: what was told about the old one goes, the run stays.
    mutating func startNewComplaint() {
        let kept = (facts.daysAgo, facts.distanceKm)
        facts = Facts()
        (facts.daysAgo, facts.distanceKm) = kept
        lastTriage = nil
        symptoms = []
        cautions = []
    }

    /// Whether massage advice for the area is barred in this conversation.
    public func isFlagged(_ area: String) -> Bool { flaggedAreas.contains(area) || flaggedAreas.contains("*") }

    /// After a long or intense run, with higher pain, or after a caution outcome: the gentler
    /// techniques (and after caution, the gentlest only).
    public var wantsGentle: Bool { facts.isHardRun || lastTriage?.level == .caution }
}
