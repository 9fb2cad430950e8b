/// The one knowledge base every plugin answers from. Loaded from `Knowledge/*.yaml`.
public struct KnowledgeBase: Sendable, Codable {
    package var sources: [Source]
    public var areas: [BodyArea]
    public var techniques: [Technique]
    public var baths: [Bath]
    public var redFlags: [RedFlag]
    package var guidance: [Guidance]
    var lexicon: [LexiconEntry]
    /// Symptom concepts (`symptoms.yaml`): the words for one sign, which red flags and caution routes combine.
    var symptoms: [SymptomConcept] = []
    /// Caution routes (`cautions.yaml`): more than ordinary soreness, not a warning sign.
    package var cautions: [CautionRoute] = []
    /// Everyday words close to the vocabulary that typo correction must leave alone.
    var ordinaryWords: [String] = []
    /// Domain words that often mean something else (`other-senses.yaml`): alone, they put a line in
    /// the domain only when no other word of it is foreign to the content.
    var otherSenses: [String] = []
    /// Everyday nouns of other topics (`other-topics.yaml`, from WordNet): said beside such a word,
    /// and unknown to the content, they mark a line as about something else.
    var otherTopicWords: [String] = []
    /// What a runner may say about themselves that shapes every later answer (`runner-facts.yaml`).
    package var runnerFacts: [RunnerFact] = []
    /// Words that make a line about another person (`someone_else` in `runner-facts.yaml`): it then tells
    /// nothing about the runner ("my wife is pregnant").
    var someoneElseWords: [String] = []

    public init(
        sources: [Source] = [], areas: [BodyArea] = [], techniques: [Technique] = [], baths: [Bath] = [],
        redFlags: [RedFlag] = [], guidance: [Guidance] = [], lexicon: [LexiconEntry] = []
    ) {
        self.sources = sources
        self.areas = areas
        self.techniques = techniques
        self.baths = baths
        self.redFlags = redFlags
        self.guidance = guidance
        self.lexicon = lexicon
    }

    public func area(_ id: String) -> BodyArea? { areas.first { $0.id == id } }
    public func technique(_ id: String) -> Technique? { techniques.first { $0.id == id } }
    public func bath(_ id: String) -> Bath? { baths.first { $0.id == id } }
    public func redFlag(_ id: String) -> RedFlag? { redFlags.first { $0.id == id } }
    public func caution(_ id: String) -> CautionRoute? { cautions.first { $0.id == id } }
    public func guidance(_ id: String) -> Guidance? { guidance.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    package func runnerFact(_ id: String) -> RunnerFact? { runnerFacts.first { $0.id == id } }

    /// The kinds of entry, as used in references like `techniques:drumming`.
    public static let kinds = ["sources", "areas", "techniques", "baths", "red_flags", "cautions", "guidance"]

    /// The ids of one kind of entry.
    public func ids(of kind: String) -> [String] {
        switch kind {
        case "sources": return sources.map(\.id)
        case "areas": return areas.map(\.id)
        case "techniques": return techniques.map(\.id)
        case "baths": return baths.map(\.id)
        case "red_flags": return redFlags.map(\.id)
        case "cautions": return cautions.map(\.id)
        case "guidance": return guidance.map(\.id)
        default: return []
        }
    }

    /// Whether a reference like `areas:feet` names an entry; returns its kind and id.
    public func entry(_ reference: String) -> (kind: String, id: String)? {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, ids(of: parts[0]).contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The text of a guidance entry, or an empty string when the knowledge base lacks it
    /// (start-up validation makes sure the ones plugins need exist).
    public func say(_ guidanceID: String) -> String { guidance(guidanceID)?.text ?? "" }
}

public struct Source: Codable, Sendable, Hashable {
    package var id: String
    var title: String
    var detail: String?
}

public struct BodyArea: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    var synonyms: [String]
    var kind: String
    var rollDirectly: Bool
    var care: String
    package var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, kind, care, sources
        case rollDirectly = "roll_directly"
    }
}

public struct Technique: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    package var synonyms: [String]
    package var summary: String
    package var steps: [String]
    package var repetitions: String
    /// How many, in a few words, for the one-screen outcome (`short_repetitions`); `repetitions` when absent.
    package var shortRepetitions: String?
    package var pressure: String
    public var gentleness: Int
    var equipment: String
    var suits: [String]
    var notDirectlyOn: [String]
    package var cautions: [String]
    package var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, summary, steps, repetitions, pressure, gentleness, equipment, suits, cautions, sources
        case notDirectlyOn = "not_directly_on"
        case shortRepetitions = "short_repetitions"
    }

    /// How many, as short as the content gives it.
    public var howMany: String { shortRepetitions ?? repetitions }

    /// Whether this technique may be used on the area: it suits it and is not barred from it.
    public func fits(_ area: String) -> Bool { suits.contains(area) && !notDirectlyOn.contains(area) }
}

public struct Bath: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    var synonyms: [String]
    public var temperature: String
    public var duration: String
    public var goodFor: [String]
    public var avoidIf: [String]
    /// Temperature and time in a few words, for the one-screen outcome (`in_short`).
    public var inShort: String?
    /// Who should skip it, in a few words (`avoid_if_short`); the full `avoid_if` list goes to "more".
    public var avoidIfShort: String?
    public var notForFreshStrain: Bool
    package var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, temperature, duration, sources
        case goodFor = "good_for"
        case avoidIf = "avoid_if"
        case inShort = "in_short"
        case avoidIfShort = "avoid_if_short"
        case notForFreshStrain = "not_for_fresh_strain"
    }
}

/// How soon to get help: the contract's `triage.urgency`.
public enum Urgency: String, Codable, Sendable, Comparable, CaseIterable {
    /// Call the emergency number or go to A&E now.
    case emergency
    /// Same-day GP, urgent care or a non-emergency health line.
    case today
    /// Book a GP or physiotherapist within days.
    case soon
    case none

    private var rank: Int { Self.allCases.count - Self.allCases.firstIndex(of: self)! }
    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        // Content written before the tiers said "same-day".
        guard let value = Urgency(rawValue: text == "same-day" ? "today" : text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "urgency must be emergency, today, soon or none, not '\(text)'"))
        }
        self = value
    }
}

public struct RedFlag: Codable, Sendable, Hashable {
    public var id: String
    var name: String
    /// Emergency, today or soon: a red flag always sends the runner to care.
    package var urgency: Urgency
    var areas: [String]
    /// Each pattern is a list of groups; a sentence matches when every group has a word or phrase in it.
    /// `$concept` in a group stands for the words of a symptom concept; the loader expands it.
    var patterns: [[[String]]]
    /// Words that say the sign has passed or is something else ("went away"): the line then raises no flag.
    var unless: [String]?
    var why: String
    /// What to do beyond the urgency's own instruction ("keep your weight off that foot"), if anything.
    var action: String?
    package var sources: [String]
}

/// The words for one symptom ("puffy", "swelled up", "oedema"...), shared by every red flag that needs it.
public struct SymptomConcept: Codable, Sendable, Hashable {
    var id: String
    var words: [String]
    /// Worth the screening questions in a line about the body: never answered with routine advice or the out-of-scope reply.
    var serious: Bool?
    /// Worth them even in a line about nothing else ("I feel faint").
    var alone: Bool?

    var isSerious: Bool { serious ?? false }
    var standsAlone: Bool { alone ?? false }
}

/// More than ordinary soreness but not a warning sign: its own advice, and no hands-on work on it when asked.
public struct CautionRoute: Codable, Sendable, Hashable {
    public var id: String
    package var name: String
    /// `none` or `soon`.
    public var urgency: Urgency
    var areas: [String]?
    var patterns: [[[String]]]
    public var advice: String
    /// The advice in one or two lines, for the one-screen outcome (`short_advice`); `advice` goes to "more".
    public var shortAdvice: String?
    /// Keep massage, tools and heat off the spot (a fresh strain, a graze).
    public var noMassageOn: Bool?
    var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, urgency, areas, patterns, advice, sources
        case shortAdvice = "short_advice"
        case noMassageOn = "no_massage_on"
    }
}

/// Something a runner says about themselves that holds for the rest of the conversation
/// (pregnancy, blood thinners, no foam roller): it leaves techniques or baths out and adds advice.
package struct RunnerFact: Codable, Sendable, Hashable {
    package var id: String
    package var name: String
    var patterns: [[[String]]]
    /// Said back the first time it is heard, after "Noted: ".
    package var noted: String
    var leavesOut: [String]?
    var gentlest: Bool?
    var skipsBaths: [String]?
    package var advice: String?
    package var bathAdvice: String?
    var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, patterns, noted, gentlest, advice, sources
        case leavesOut = "leaves_out"
        case skipsBaths = "skips_baths"
        case bathAdvice = "bath_advice"
    }

    package var techniquesLeftOut: [String] { leavesOut ?? [] }
    package var bathsSkipped: [String] { skipsBaths ?? [] }
    package var onlyGentlest: Bool { gentlest ?? false }
}

public struct Guidance: Codable, Sendable, Hashable {
    package var id: String
    package var text: String
    package var sources: [String]
}

public struct LexiconEntry: Codable, Sendable, Hashable {
    var word: String
    var variants: [String]
    /// Whether the word marks a line as being about Rubdown's domain (sore legs, massage);
    /// false for words any runner uses ("run").
    var domain: Bool?

    var isDomain: Bool { domain ?? true }
}
