/// The one knowledge base every plugin answers from. Loaded from `Knowledge/*.yaml`.
public struct KnowledgeBase: Sendable {
    public var sources: [Source]
    public var areas: [BodyArea]
    public var techniques: [Technique]
    public var baths: [Bath]
    public var redFlags: [RedFlag]
    public var guidance: [Guidance]
    public var lexicon: [LexiconEntry]
    /// Everyday words close to the vocabulary that typo correction must leave alone.
    public var ordinaryWords: [String] = []

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
    public func guidance(_ id: String) -> Guidance? { guidance.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// The kinds of entry, as used in references like `techniques:drumming`.
    public static let kinds = ["sources", "areas", "techniques", "baths", "red_flags", "guidance"]

    /// The ids of one kind of entry.
    public func ids(of kind: String) -> [String] {
        switch kind {
        case "sources": return sources.map(\.id)
        case "areas": return areas.map(\.id)
        case "techniques": return techniques.map(\.id)
        case "baths": return baths.map(\.id)
        case "red_flags": return redFlags.map(\.id)
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
    public var id: String
    public var title: String
    public var detail: String?
}

public struct BodyArea: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var synonyms: [String]
    public var kind: String
    public var rollDirectly: Bool
    public var care: String
    public var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, kind, care, sources
        case rollDirectly = "roll_directly"
    }
}

public struct Technique: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var synonyms: [String]
    public var summary: String
    public var steps: [String]
    public var repetitions: String
    public var pressure: String
    public var gentleness: Int
    public var equipment: String
    public var suits: [String]
    public var notDirectlyOn: [String]
    public var cautions: [String]
    public var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, summary, steps, repetitions, pressure, gentleness, equipment, suits, cautions, sources
        case notDirectlyOn = "not_directly_on"
    }

    /// Whether this technique may be used on the area: it suits it and is not barred from it.
    public func fits(_ area: String) -> Bool { suits.contains(area) && !notDirectlyOn.contains(area) }
}

public struct Bath: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var synonyms: [String]
    public var temperature: String
    public var duration: String
    public var goodFor: [String]
    public var avoidIf: [String]
    public var notForFreshStrain: Bool
    public var sources: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, temperature, duration, sources
        case goodFor = "good_for"
        case avoidIf = "avoid_if"
        case notForFreshStrain = "not_for_fresh_strain"
    }
}

public struct RedFlag: Codable, Sendable, Hashable {
    public enum Urgency: String, Codable, Sendable { case emergency, sameDay = "same-day" }

    public var id: String
    public var name: String
    public var urgency: Urgency
    public var areas: [String]
    /// Each pattern is a list of groups; a sentence matches when every group has a word or phrase in it.
    public var patterns: [[[String]]]
    public var why: String
    public var action: String
    public var sources: [String]
}

public struct Guidance: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    public var sources: [String]
}

public struct LexiconEntry: Codable, Sendable, Hashable {
    public var word: String
    public var variants: [String]
    /// Whether the word marks a line as being about Rubdown's domain (sore legs, massage);
    /// false for words any runner uses ("run").
    public var domain: Bool?

    public var isDomain: Bool { domain ?? true }
}
