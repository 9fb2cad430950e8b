import Foundation

/// What the stages of understanding look up by a token's stem — its `WordClass`es, the lexicon's
/// phrases and the keywords starting with it, whether it is a domain word, and each pattern
/// detector's phrases starting with it — in one table, so that a token of an input line costs
/// one hash look-up instead of one per table; and by its text, its `WordClass`es of the fixed
/// lists (`WordClass.byText`) and of the content's words of another person. Each entry holds exactly what the separate tables
/// hold for that stem (the tables are keyed alike), so every stage reads what it read before.
///
/// Derived from the interpreter's own tables the first time a line is understood, under a lock
/// (an interpreter is shared between threads); saved as nothing, so a coach read back from a
/// snapshot derives it again, and the snapshot holds nothing twice.
final class StemIndex: @unchecked Sendable, Codable, CustomReflectable {
    struct Entry: Sendable {
        var classes: WordClass = []
        var lexiconPhrases: [Lexicon.Phrase]?
        var keywords: [Interpreter.Keyword]?
        var isDomain = false
        /// The phrases of each detector, in `EntityExtractor.detectors`' order (six).
        var detector0: [Int]?, detector1: [Int]?, detector2: [Int]?, detector3: [Int]?, detector4: [Int]?, detector5: [Int]?

        func detectorPhrases(_ detector: Int) -> [Int]? {
            switch detector {
            case 0: detector0
            case 1: detector1
            case 2: detector2
            case 3: detector3
            case 4: detector4
            default: detector5
            }
        }

        mutating func setDetectorPhrases(_ detector: Int, _ phrases: [Int]) {
            switch detector {
            case 0: detector0 = phrases
            case 1: detector1 = phrases
            case 2: detector2 = phrases
            case 3: detector3 = phrases
            case 4: detector4 = phrases
            default: detector5 = phrases
            }
        }
    }

    /// (A class: the readers' closures capture it by reference, not a copy of its tables each.)
    final class Table: Sendable {
        let ids: [String: Int32]
        let entries: [Entry]
        /// Rules out most stems of no entry without a hash look-up.
        let filter: ASCIIWordFilter
        /// The classes by a token's text, and what rules out most texts of none.
        let byText: [String: WordClass]
        let textFilter: ASCIIWordFilter

        init(ids: [String: Int32], entries: [Entry], byText: [String: WordClass]) {
            self.ids = ids
            self.entries = entries
            filter = ASCIIWordFilter(ids.keys)
            self.byText = byText
            textFilter = ASCIIWordFilter(byText.keys)
        }

        func classes(ofText text: String) -> WordClass { textFilter.mayContain(text) ? byText[text] ?? [] : [] }

        /// The entry of each token's stem; -1 for a stem no table has.
        func entries(of tokens: [Token]) -> [Int32] { tokens.map { filter.mayContain($0.stem) ? ids[$0.stem] ?? -1 : -1 } }
    }

    init() {}
    init(from decoder: any Decoder) {}
    func encode(to encoder: any Encoder) {}

    /// Reflected as empty, like the saved form: whether a line has been understood yet (and the
    /// table built) is no part of what the interpreter is.
    var customMirror: Mirror { Mirror(self, children: [:]) }

    private let lock = NSLock()
    private var table: Table?

    /// The table, once built and stored.
    var stored: Table? {
        lock.lock()
        defer { lock.unlock() }
        return table
    }

    /// Stores a table built (unless another thread stored one first) and returns the one stored.
    func store(_ built: Table) -> Table {
        lock.lock()
        defer { lock.unlock() }
        if let table { return table }
        table = built
        return built
    }

    /// The table of these stages' tables.
    static func build(
        lexiconPhrases: [String: [Lexicon.Phrase]], domainStems: Set<String>, keywords: [String: [Interpreter.Keyword]],
        detectorPhrases: [[String: [Int]]], someoneElse: Set<String>
    ) -> Table {
        precondition(detectorPhrases.count == 6, "an entry has room for six detectors")
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(
            WordClass.byStem.count + lexiconPhrases.count + domainStems.count + keywords.count + detectorPhrases.reduce(0) { $0 + $1.count }
        )
        var entries: [Entry] = []
        func entry(_ stem: String) -> Int {
            // One probe: the id of the stem, or a new one.
            let new = Int32(entries.count)
            let id = { (id: inout Int32) in id }(&ids[stem, default: new])
            if id == new { entries.append(Entry()) }
            return Int(id)
        }
        for (stem, classes) in WordClass.byStem { entries[entry(stem)].classes = classes }
        for (stem, phrases) in lexiconPhrases { entries[entry(stem)].lexiconPhrases = phrases }
        for stem in domainStems { entries[entry(stem)].isDomain = true }
        for (stem, keywords) in keywords { entries[entry(stem)].keywords = keywords }
        for (detector, phrases) in detectorPhrases.enumerated() {
            for (stem, ids) in phrases { entries[entry(stem)].setDetectorPhrases(detector, ids) }
        }
        var byText = WordClass.byText
        for word in someoneElse { byText[word, default: []].insert(.someoneElse) }
        return Table(ids: ids, entries: entries, byText: byText)
    }
}
