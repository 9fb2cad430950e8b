import Foundation

/// Stage 3 of understanding: the facts a line states (areas, distance, time, pain, answers),
/// read from tokens that already carry their stems and negation scope.
struct EntityExtractor: Sendable {
    let lexicon: Lexicon
    let redFlags: RedFlagDetector

    func extract(tokens: [Token], spans: [ConceptSpan], contextAreas: [String]) -> Entities {
        var entities = Entities()
        let words = tokens.map(\.text)
        let stems = tokens.map(\.stem)
        var negatedScopeUsed = Set<Int>()
        for span in spans {
            switch span.concept {
            case .area(let id):
                // Only the first area in a negation's scope is ruled out: "not my knees my shins".
                let scope = negationStart(tokens, before: span.start)
                if span.negated, let scope, negatedScopeUsed.insert(scope).inserted {
                    if !entities.negatedBodyParts.contains(id) { entities.negatedBodyParts.append(id) }
                } else if !entities.bodyParts.contains(id) {
                    entities.bodyParts.append(id)
                }
            case .technique(let id):
                if !entities.techniques.contains(id) { entities.techniques.append(id) }
            case .bath(let id):
                if !entities.baths.contains(id) { entities.baths.append(id) }
            case .word(let word):
                if word == "sore" || word == "hurt" { entities.generalSoreness = !span.negated || entities.generalSoreness }
            }
        }
        entities.bodyParts.removeAll { entities.negatedBodyParts.contains($0) && !occursUnnegated($0, spans) }
        entities.distanceKm = Self.distance(words)
        entities.daysAgo = Self.daysAgo(words)
        entities.painLevel = Self.painLevel(words)
        entities.painKind = Self.painKind(tokens)
        entities.answer = Self.answer(words)
        if let index = stems.firstIndex(where: { ["swell", "puffy", "swolen", "swole"].contains($0) }) {
            entities.swelling = !tokens[index].negated
        }
        if stems.contains("sore") || stems.contains("hurt") || stems.contains("ache") || stems.contains("pain") {
            entities.generalSoreness = entities.generalSoreness || stems.contains("leg")
        }
        entities.otherSide = zip(words, words.dropFirst()).contains { $0 == "other" && ["leg", "side", "one", "calf", "foot"].contains($1) }
        // The area under discussion stands in for words only when this line names no area of its own.
        let areas = entities.bodyParts.isEmpty && entities.negatedBodyParts.isEmpty ? contextAreas : []
        entities.redFlags = redFlags.detect(tokens: tokens, spans: spans, contextAreas: areas)
        if entities.bodyParts.isEmpty == false { entities.generalSoreness = false }
        return entities
    }

    private func occursUnnegated(_ id: String, _ spans: [ConceptSpan]) -> Bool {
        spans.filter { $0.concept == .area(id) }.count > 1
    }

    private func negationStart(_ tokens: [Token], before index: Int) -> Int? {
        var i = index
        while i >= 0 {
            if Self.negators.contains(tokens[i].text) { return i }
            if tokens[i].isBreak { return nil }
            i -= 1
        }
        return nil
    }

    static let negators: Set<String> = ["not", "no", "never", "without", "nor", "neither", "none", "nothing"]
    static let scopeBreakers: Set<String> = [",", "but", "and", "only", "just", "though", "although", "however", "instead", "rather"]

    /// Marks the tokens a negation covers: from the negator up to and including the first word
    /// that carries meaning ("no real swelling", "not going away for weeks" negates only "going"),
    /// continued through "or" ("no swelling or redness"); never past a clause break or four words.
    static func markNegation(_ tokens: inout [Token]) {
        var remaining = 0
        for index in tokens.indices {
            let text = tokens[index].text
            if negators.contains(text) {
                remaining = 4
                continue
            }
            if scopeBreakers.contains(text) { remaining = 0 }
            guard remaining > 0 else { continue }
            tokens[index].negated = true
            remaining -= 1
            let carriesMeaning = !negationFiller.contains(text) && !Interpreter.stopwords.contains(text)
            let continues = index + 1 < tokens.count && ["or", "nor"].contains(tokens[index + 1].text)
            if carriesMeaning && !continues { remaining = 0 }
        }
    }

    /// Words between a negator and what it negates: "no real sign of swelling".
    static let negationFiller: Set<String> = [
        "real", "major", "obvious", "visible", "noticeable", "much", "any", "big", "significant", "actual", "sign",
        "signs", "of", "or", "nor", "my", "the", "a", "an", "at", "all", "that", "too", "so", "very", "really", "it",
        "is", "was", "been", "do", "does", "did", "have", "has", "had", "feel", "feels", "felt", "seem", "seems", "look",
        "looks", "more", "extra", "unusual", "bad",
    ]

    // MARK: Numbers, distances, times

    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
        "a": 1, "an": 1, "couple": 2, "few": 3, "several": 4,
    ]

    static func number(_ word: String) -> Double? {
        if let value = Double(word) { return value }
        if word.hasSuffix("ish"), let value = Double(word.dropLast(3)) { return value }  // "7ish"
        return numberWords[word]
    }

    static let kmUnits: Set<String> = ["k", "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "ks"]
    static let mileUnits: Set<String> = ["mile", "miles", "mi", "mls"]
    static let otherUnits: Set<String> = [
        "day", "days", "week", "weeks", "hour", "hours", "hrs", "hr", "minute", "minutes", "min", "mins", "am", "pm",
        "month", "months", "year", "years", "times", "time", "sets", "reps", "second", "seconds", "sec", "secs",
        "degrees", "c", "f", "x",
    ]

    static func distance(_ words: [String]) -> Double? {
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let previous = index > 0 ? words[index - 1] : ""
            if word.hasSuffix("km") || word.hasSuffix("k"), let value = Double(word.dropLast(word.hasSuffix("km") ? 2 : 1)),
                value > 0
            {
                return round1(value)
            }
            if word.hasSuffix("mi"), let value = Double(word.dropLast(2)), value > 0 { return round1(value * 1.609) }
            if let value = number(word), value > 0, !["a", "an"].contains(word) || next == "mile" {
                if kmUnits.contains(next) { return round1(value) }
                if mileUnits.contains(next) { return round1(value * 1.609) }
            }
            switch word {
            case "half":
                if next == "marathon" || ["a", "the", "my", "ran", "did"].contains(previous)
                    && !["hour", "way", "of", "an", "a", "day"].contains(next)
                {
                    return 21.1
                }
            case "halfmarathon", "hm": return 21.1
            case "marathon" where previous != "half": return 42.2
            case "ultra", "ultramarathon", "50k": return 50
            case "parkrun": return 5
            default: break
            }
        }
        return nil
    }

    static func daysAgo(_ words: [String]) -> Double? {
        let text = " " + words.joined(separator: " ") + " "
        if text.contains(" couple of days ") || text.contains(" couple days ") { return 2 }
        if let day = weekdays.firstIndex(where: { text.contains(" \($0) ") || text.contains(" \($0)s ") }) {
            // "on sunday": the most recent such day; today counts as today.
            let today = Calendar(identifier: .gregorian).component(.weekday, from: Date()) - 1
            return Double((today - day + 7) % 7)
        }
        if text.contains(" few days ") { return 3 }
        if text.contains(" day before yesterday ") { return 2 }
        if text.contains(" yesterday ") { return 1 }
        if text.contains(" last night ") { return 0.5 }
        if text.contains(" over a week ") || text.contains(" more than a week ") { return 8 }
        if text.contains(" last week ") || text.contains(" a week ago ") || text.contains(" for a week ") { return 7 }
        for phrase in [" today ", " this morning ", " this afternoon ", " this evening ", " tonight ", " just now ", " earlier "]
        where text.contains(phrase) {
            return 0
        }
        for (index, word) in words.enumerated() {
            guard let value = number(word), index + 1 < words.count else { continue }
            let unit = words[index + 1]
            let after = index + 2 < words.count ? words[index + 2] : ""
            let before = index > 0 ? words[index - 1] : ""
            let dated = after == "ago" || before == "for" || before == "past" || before == "last" || after == "now"
                || before == "than" || words.count <= 3
            guard dated else { continue }
            if unit == "day" || unit == "days" { return value }
            if unit == "week" || unit == "weeks" { return value * 7 }
            if unit == "hour" || unit == "hours" { return 0 }
            if unit == "of", after == "days" { return value }
        }
        return nil
    }

    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    static let severity: [String: Int] = [
        "mild": 3, "slight": 2, "minor": 2, "moderate": 5, "medium": 5, "bad": 7, "severe": 8, "terrible": 8,
        "awful": 8, "horrible": 8, "agony": 9, "agonizing": 9, "agonising": 9, "excruciating": 10, "unbearable": 10,
        "intense": 7, "extreme": 9,
    ]

    static func painLevel(_ words: [String]) -> Int? {
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if word.contains("/"), let slash = word.firstIndex(of: "/") {
                let top = Double(word[..<slash]), bottom = Double(word[word.index(after: slash)...])
                if let top, let bottom, bottom > 0, top <= bottom { return Int((top / bottom * 10).rounded()) }
            }
            guard let value = number(word), !["a", "an", "couple", "few", "several"].contains(word) else { continue }
            if next == "out", index + 3 < words.count + 1, words.dropFirst(index + 2).first == "of" { return clampPain(value) }
            if otherUnits.contains(next) || kmUnits.contains(next) || mileUnits.contains(next) { continue }
            if Double(word) == nil && words.count > 5 { continue }  // "one of my calves"
            if value >= 0 && value <= 10 { return clampPain(value) }
        }
        let text = " " + words.joined(separator: " ") + " "
        if text.contains(" not bad ") || text.contains(" not too bad ") || text.contains(" not that bad ") { return 3 }
        if text.contains(" very bad ") || text.contains(" really bad ") { return 8 }
        for word in words { if let level = severity[word] { return level } }
        return nil
    }

    private static func clampPain(_ value: Double) -> Int { Int(min(10, max(0, value)).rounded()) }

    static func painKind(_ tokens: [Token]) -> String? {
        let kinds: [(String, Set<String>)] = [
            ("sharp", ["sharp", "stab", "shoot", "sting", "knife", "piercing", "pierce", "stabby"]),
            ("burning", ["burn", "burny"]),
            ("throbbing", ["throb", "pulse", "pound"]),
            ("tight", ["tight", "stiff", "knot", "knotted", "tense", "seize", "cramp", "cramp"]),
            ("dull", ["dull", "ache", "achy", "sore", "heavy"]),
            ("tender", ["tender", "bruise"]),
        ]
        for (kind, stems) in kinds where tokens.contains(where: { !$0.negated && stems.contains($0.stem) }) {
            return kind
        }
        return nil
    }

    static func answer(_ words: [String]) -> Entities.Answer? {
        let text = " " + words.joined(separator: " ") + " "
        for phrase in [" do not know ", " not sure ", " no idea ", " unsure ", " unable remember ", " no clue ", " hard to say "]
        where text.contains(phrase) {
            return .unknown
        }
        if [" skip ", " pass ", " rather not say ", " next question "].contains(where: text.hasPrefix) || words == ["skip"] {
            return .skip
        }
        guard let first = words.first else { return nil }
        let yes: Set<String> = ["yes", "yeah", "yep", "yup", "ya", "yea", "y", "sure", "definitely", "affirmative", "correct", "indeed", "slightly", "somewhat", "aye"]
        let no: Set<String> = ["no", "nope", "nah", "n", "none", "negative", "never", "nothing"]
        if text.hasPrefix(" not really ") || text.hasPrefix(" not at all ") || text.hasPrefix(" not that i ") { return .no }
        if yes.contains(first) || text.hasPrefix(" i think so ") || text.hasPrefix(" a bit ") || text.hasPrefix(" a little ")
            || text.hasPrefix(" kind of ") || text.hasPrefix(" sort of ") || text.hasPrefix(" it is ") && words.count <= 3
        {
            return .yes
        }
        if no.contains(first) { return .no }
        return nil
    }

    private static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
