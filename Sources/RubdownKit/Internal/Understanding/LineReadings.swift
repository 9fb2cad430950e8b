/// Readings of a whole line that no word list holds: a time of day said alone is a greeting, ice fallen on is the
/// ground, feeling rough is the runner's discomfort. `Interpreter.understand` applies them around the entity stage.
enum LineReadings {
    /// Whether the line says the runner feels rough ("feeling rough", "a rough one", "legs feel ropey"), not negated.
    static func saysFeelingRough(_ tokens: [Token]) -> Bool {
        // ("not feeling rough": a negator a few words before denies it, whether or not the negation's scope reached it.)
        tokens.indices.contains { index in
            roughWords.contains(tokens[index].text) && !tokens[index].negated
                && !tokens[max(0, index - 3)..<index].contains { EntityExtractor.negators.contains($0.text) }
        }
    }
    /// Whether a line opens as a question or a command: its first word, or its second after a word of reply ("ok how much
    /// ibuprofen can I take", "so what should I do").
    static func opensAsRequest(_ words: some Collection<String>) -> Bool {
        guard let first = words.first else { return false }
        if requestWords.contains(first) { return true }
        return leadFillers.contains(first) && words.dropFirst().first.map(requestWords.contains) == true
    }
    static let leadFillers: Set<String> = ["ok", "okay", "so", "and", "but", "right", "well", "hmm", "um", "also", "oh", "cool", "thanks"]

    /// The first words of a question or a command.
    static let requestWords: Set<String> = [
        "what", "how", "when", "where", "why", "who", "which", "can", "could", "should", "would", "will", "is", "are",
        "do", "does", "tell", "give", "show", "play", "find", "set", "book", "please",
    ]
    static let roughWords: Set<String> = ["rough", "ropey", "ropy", "rubbish", "grim", "lousy", "crappy", "awful", "terrible", "horrible"]

    /// Whether the "ice" at `index` is the ground: after "black", or after "on (the)" that follows a fall ("slipped on
    /// ice", "went over on the ice"), and not before "bath", "baths" or "water".
    static func isIceUnderfoot(_ words: [String], at index: Int) -> Bool {
        if index + 1 < words.count, ["bath", "baths", "water", "pack", "packs", "bag"].contains(words[index + 1]) { return false }
        if index > 0, words[index - 1] == "black" { return true }
        var at = index - 1
        if at >= 0, words[at] == "the" || words[at] == "some" { at -= 1 }
        guard at >= 1, words[at] == "on" else { return false }
        return words[max(0, at - 3)..<at].contains { fallWords.contains($0) }
    }
    /// Whether the "hot" at `index` is the weather: a run, a day or the weather within two words after, and no bath, tub,
    /// water or shower.
    static func isHotWeather(_ words: [String], at index: Int) -> Bool {
        // (Said of the run or the day, "the hot long run", "a hot day"; not "too hot to run", a question of its own.)
        guard index > 0, ["the", "a", "that", "this", "my", "very", "really", "super", "so", "long"].contains(words[index - 1]) else {
            return false
        }
        let after = words[(index + 1)..<min(words.count, index + 3)]
        if after.contains(where: { ["bath", "baths", "tub", "water", "shower", "pack", "compress", "soak", "towel"].contains($0) }) {
            return false
        }
        return after.contains {
            Interpreter.runNouns.contains($0) || Interpreter.runWords.contains($0)
                || ["day", "days", "weather", "afternoon", "morning", "sun", "conditions", "humid", "one", "race", "marathon"].contains($0)
        }
    }
    static let hotWeather = "#hot"

    /// What ice underfoot becomes (no word of the content has a "#": not the bath's ice, nor the skin's "icy").
    static let iceUnderfoot = "#ice"
    static let fallWords: Set<String> = [
        "slipped", "slip", "slipping", "slips", "fell", "fall", "falling", "skidded", "skid", "skidding", "over", "tripped", "went",
        "landed", "stacked", "wiped", "sliding", "slid",
    ]

    /// "morning!", "evening all", "afternoon coach": a time of day said alone, as "good morning".
    static func bareGreeting(_ words: [String]) -> [String]? {
        // (The first word checked before any copy: this runs for every line.)
        guard let opening = words.first(where: { $0 != "," }), ["morning", "mornin", "evening", "afternoon"].contains(opening),
            words.count <= 6
        else { return nil }
        let said = words.filter { $0 != "," }
        guard let first = said.first, said.dropFirst().allSatisfy({ ["all", "coach", "there", "everyone", "folks", "mate"].contains($0) })
        else { return nil }
        return ["good", first == "mornin" ? "morning" : first] + said.dropFirst()
    }
}
