/// The fixed word lists the readers of a line test its tokens against (negation, trend, urine,
/// spread, numbers, units...), as bits: each token of an input line gets its bits from one
/// look-up of its text and one of its stem (`WordClass.mark`), instead of one hash look-up per
/// list and reader. Each bit stands for exactly one list of `EntityExtractor` (or one word), so
/// a test of a bit answers what the list's `contains` answered.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    // By the token's text.
    /// `EntityExtractor.negators`
    static let negator = WordClass(rawValue: 1 << 0)
    /// `EntityExtractor.scopeBreakers`
    static let scopeBreaker = WordClass(rawValue: 1 << 1)
    /// `EntityExtractor.negationFiller`
    static let negationFiller = WordClass(rawValue: 1 << 2)
    /// `Interpreter.stopwords`
    static let stopword = WordClass(rawValue: 1 << 3)
    /// After "no", a word that makes it an answer: "no, I can't", "no it isn't".
    static let answeringPronoun = WordClass(rawValue: 1 << 4)
    /// "or", "nor": a negation carries on through them.
    static let orNor = WordClass(rawValue: 1 << 5)
    /// `EntityExtractor.brownUrineWords`
    static let brownUrine = WordClass(rawValue: 1 << 6)
    /// "dark", "darker", "deep", "bright"
    static let darkShade = WordClass(rawValue: 1 << 7)
    /// "yellow", "yellowish", "than": after a dark shade, dark yellow.
    static let afterDarkShade = WordClass(rawValue: 1 << 8)
    /// `EntityExtractor.darkYellowWords`
    static let darkYellow = WordClass(rawValue: 1 << 9)
    /// "yellow"
    static let yellow = WordClass(rawValue: 1 << 10)
    /// `EntityExtractor.normalUrineWords`
    static let normalUrine = WordClass(rawValue: 1 << 11)
    /// `EntityExtractor.urineWords`
    static let urineWord = WordClass(rawValue: 1 << 12)
    /// `EntityExtractor.pinpointWords`
    static let pinpoint = WordClass(rawValue: 1 << 13)
    /// "bone"
    static let bone = WordClass(rawValue: 1 << 14)
    /// "along", "beside": the bone named as where the pain runs next to, not a spot on it.
    static let along = WordClass(rawValue: 1 << 15)
    /// "not", "no", "rather", "isnt", "isn't": a pinpoint word after one is what it is not.
    static let denial = WordClass(rawValue: 1 << 16)
    /// `EntityExtractor.diffuseWords`
    static let diffuse = WordClass(rawValue: 1 << 17)
    /// "going"
    static let going = WordClass(rawValue: 1 << 18)
    /// "away", "down"
    static let awayOrDown = WordClass(rawValue: 1 << 19)
    /// "change", "changed", "budged": "hasn't changed" is about the same.
    static let change = WordClass(rawValue: 1 << 20)
    /// A key of `EntityExtractor.numberWords`.
    static let numberWord = WordClass(rawValue: 1 << 21)
    /// The first word of a phrase of `EntityExtractor.LinePhrases`.
    static let linePhraseStart = WordClass(rawValue: 1 << 22)
    /// A key of `EntityExtractor.severity`.
    static let severity = WordClass(rawValue: 1 << 23)
    /// A word `EntityExtractor.distance` reads on its own: "half", "marathon", "parkrun"...
    static let distanceWord = WordClass(rawValue: 1 << 24)
    /// The first word of a phrase of `EntityExtractor.duringPhrases`.
    static let duringStart = WordClass(rawValue: 1 << 25)
    /// "started", "began", "came", "kicked"
    static let started = WordClass(rawValue: 1 << 26)
    /// `Interpreter.keywordFillers`
    static let keywordFiller = WordClass(rawValue: 1 << 27)
    /// `EntityExtractor.groans`
    static let groan = WordClass(rawValue: 1 << 28)
    /// `EntityExtractor.timeCues`
    static let timeCue = WordClass(rawValue: 1 << 29)
    /// `PastReading.clues`
    static let pastClue = WordClass(rawValue: 1 << 30)
    /// A word of another person: the content's `EntityExtractor.someoneElse` (in `StemIndex.Table`'s
    /// classes by text, not in `byText`).
    static let someoneElse = WordClass(rawValue: 1 << 31)

    /// `Interpreter.runWords`
    static let runWord = WordClass(rawValue: 1 << 44)
    /// `Interpreter.runNouns`
    static let runNoun = WordClass(rawValue: 1 << 45)
    /// `Interpreter.runLeads`
    static let runLead = WordClass(rawValue: 1 << 46)
    /// `Interpreter.feelsFineOrAsks`
    static let fineOrAsks = WordClass(rawValue: 1 << 47)
    /// `Interpreter.legWords`
    static let wholeLeg = WordClass(rawValue: 1 << 48)
    /// `PatternDetector.intensifiers`: stepped over inside a sign's phrase (a bit per token, not a hash per comparison).
    static let intensifier = WordClass(rawValue: 1 << 49)
    /// `EntityExtractor.notLegParts`: the hands and face, whose swelling is no leg's.
    static let notLegPart = WordClass(rawValue: 1 << 50)

    // By the token's stem.
    /// `EntityExtractor.worseStems`
    static let worse = WordClass(rawValue: 1 << 32)
    /// `EntityExtractor.easingStems`
    static let easing = WordClass(rawValue: 1 << 33)
    /// `EntityExtractor.sameStems`
    static let same = WordClass(rawValue: 1 << 34)
    /// `EntityExtractor.swellingStems`
    static let swelling = WordClass(rawValue: 1 << 35)
    /// "sore", "hurt", "ache", "pain"
    static let soreness = WordClass(rawValue: 1 << 36)
    /// "leg"
    static let leg = WordClass(rawValue: 1 << 37)
    /// The stem names a kind of `EntityExtractor.painKinds`: its index + 1 in the bits from 40 up.
    static let painKindShift: UInt64 = 40
    static let painKindMask = WordClass(rawValue: 0xF << painKindShift)

    /// The index in `EntityExtractor.painKinds` of the first kind listing the stem, if any.
    var painKind: Int? {
        let value = Int((rawValue & Self.painKindMask.rawValue) >> Self.painKindShift)
        return value == 0 ? nil : value - 1
    }

    /// Sets each token's classes: by its text (`StemIndex.Table.classes(ofText:)`, which holds
    /// `byText`), and by its stem from the stem's entry (which holds `byStem`), given for each token
    /// (-1: none).
    static func mark(_ tokens: inout [Token], entries: [Int32], of table: StemIndex.Table) {
        for index in tokens.indices {
            let byStem = entries[index] >= 0 ? table.entries[Int(entries[index])].classes : []
            tokens[index].classes = table.classes(ofText: tokens[index].text).union(byStem)
        }
    }

    static let byText: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ words: some Sequence<String>, _ bit: WordClass) { for word in words { table[word, default: []].insert(bit) } }
        typealias E = EntityExtractor
        add(E.negators, .negator)
        add(E.scopeBreakers, .scopeBreaker)
        add(E.negationFiller, .negationFiller)
        add(Interpreter.stopwords, .stopword)
        add(["i", "it", "its", "we", "he", "she", "they", ","], .answeringPronoun)
        add(["or", "nor"], .orNor)
        add(E.brownUrineWords, .brownUrine)
        add(["dark", "darker", "deep", "bright"], .darkShade)
        add(["yellow", "yellowish", "than"], .afterDarkShade)
        add(E.darkYellowWords, .darkYellow)
        add(["yellow"], .yellow)
        add(E.normalUrineWords, .normalUrine)
        add(E.urineWords, .urineWord)
        add(E.pinpointWords, .pinpoint)
        add(["bone"], .bone)
        add(["along", "beside", "alongside"], .along)
        add(E.denialWords, .denial)
        add(E.diffuseWords, .diffuse)
        add(["going"], .going)
        add(["away", "down"], .awayOrDown)
        add(["change", "changed", "changing", "budged", "shifted"], .change)
        add(E.numberWords.keys, .numberWord)
        add(E.LinePhrases.shared.byFirstWord.keys, .linePhraseStart)
        add(E.severity.keys, .severity)
        add(E.distanceWords, .distanceWord)
        add(E.duringPhrases.map { $0[0] }, .duringStart)
        add(E.startedWords, .started)
        add(Interpreter.keywordFillers, .keywordFiller)
        add(E.groans, .groan)
        add(E.timeCues, .timeCue)
        add(PastReading.clues, .pastClue)
        add(Interpreter.runWords, .runWord)
        add(Interpreter.runNouns, .runNoun)
        add(Interpreter.runLeads, .runLead)
        add(Interpreter.feelsFineOrAsks, .fineOrAsks)
        add(Interpreter.legWords, .wholeLeg)
        add(PatternDetector.intensifiers, .intensifier)
        add(E.notLegParts, .notLegPart)
        return table
    }()

    static let byStem: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ stems: some Sequence<String>, _ bit: WordClass) { for stem in stems { table[stem, default: []].insert(bit) } }
        typealias E = EntityExtractor
        add(E.worseStems, .worse)
        add(E.easingStems, .easing)
        add(E.sameStems, .same)
        add(E.swellingStems, .swelling)
        add(["sore", "hurt", "ache", "pain"], .soreness)
        add(["leg"], .leg)
        for (stem, kind) in E.painKindOfStem {
            table[stem, default: []].insert(WordClass(rawValue: UInt64(kind + 1) << painKindShift))
        }
        return table
    }()
}
