import Foundation

/// Stage 1 of understanding: one canonical spelling of what was typed. Lower case, accents
/// and typographic quotes folded, contractions expanded, British spellings made American,
/// punctuation dropped except clause breaks (`,`), which bound the scope of a negation.
enum Normalizer {
    static func normalize(_ raw: String) -> String {
        var text: String
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most lines are plain ASCII; Foundation's folding costs microseconds a call on Linux.
            text = raw.lowercased()
        } else {
            text = raw.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
            text = text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        }
        var out = ""
        out.reserveCapacity(text.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : " "
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            switch scalar {
            case "a"..."z", "0"..."9", " ":
                out.unicodeScalars.append(scalar)
            case "'":
                // Keep apostrophes inside words for the contraction table.
                out.unicodeScalars.append(isLetter(previous) && isLetter(next) ? "'" : " ")
            case ".", "/":
                // Decimals (21.1) and scores (4/10) stay whole.
                if isDigit(previous) && isDigit(next) { out.unicodeScalars.append(scalar) } else { out += " , " }
            case ",", ";", "!", "?", ":", "(", ")", "\n", "\t":
                out += " , "
            case "-", "_", "&", "+":
                out += " "
            default:
                // Other letters (other scripts, emoji) are kept so the input is never silently empty.
                // Combining marks and variation selectors are dropped, so normalising twice changes nothing.
                if scalar.properties.isAlphabetic && !(scalar.properties.generalCategory == .nonspacingMark
                    || scalar.properties.generalCategory == .spacingMark || scalar.properties.generalCategory == .enclosingMark)
                {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += " "
                }
            }
        }
        var words: [String] = []
        for word in out.split(separator: " ") {
            let word = String(word)
            if let expansion = contractions[word] {
                words += expansion.split(separator: " ").map(String.init)
            } else if word.hasSuffix("n't") {
                words += [String(word.dropLast(3)), "not"]
            } else if word.hasSuffix("'s") || word.hasSuffix("'d") || word.hasSuffix("'m") {
                words.append(String(word.dropLast(2)))
            } else if word.hasSuffix("'re") || word.hasSuffix("'ve") || word.hasSuffix("'ll") {
                words.append(String(word.dropLast(3)))
            } else {
                words.append(american[word] ?? word.replacingOccurrences(of: "'", with: ""))
            }
        }
        // Collapse repeated clause breaks.
        var result: [String] = []
        for word in words where !(word == "," && (result.last == "," || result.isEmpty)) { result.append(word) }
        if result.last == "," { result.removeLast() }
        return result.joined(separator: " ")
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// Contractions, with and without the apostrophe (runners type fast).
    static let contractions: [String: String] = [
        "i'm": "i am", "im": "i am", "can't": "can not", "cant": "can not", "cannot": "can not",
        "won't": "will not", "wont": "will not", "don't": "do not", "dont": "do not", "doesn't": "does not",
        "doesnt": "does not", "didn't": "did not", "didnt": "did not", "isn't": "is not", "isnt": "is not",
        "aren't": "are not", "arent": "are not", "wasn't": "was not", "wasnt": "was not", "haven't": "have not",
        "havent": "have not", "hasn't": "has not", "hasnt": "has not", "shouldn't": "should not",
        "shouldnt": "should not", "couldn't": "could not", "couldnt": "could not", "wouldn't": "would not",
        "wouldnt": "would not", "it's": "it is", "its": "it is", "that's": "that is", "thats": "that is",
        "what's": "what is", "whats": "what is", "i've": "i have", "ive": "i have", "i'll": "i will",
        "i'd": "i would", "you're": "you are", "youre": "you are", "there's": "there is", "let's": "let us",
        "lets": "let us", "y'all": "you all", "gonna": "going to", "wanna": "want to", "gotta": "got to",
        "kinda": "kind of", "sorta": "sort of", "dunno": "do not know", "idk": "i do not know",
        "pls": "please", "plz": "please", "thx": "thanks", "ty": "thank you", "u": "you", "ur": "your",
        "r": "are", "cuz": "because", "coz": "because", "abt": "about",
    ]

    /// British spellings folded to one form, so both match the same examples.
    static let american: [String: String] = [
        "colour": "color", "coloured": "colored", "programme": "program", "programmes": "programs",
        "metre": "meter", "metres": "meters", "kilometre": "kilometer", "kilometres": "kilometers",
        "centre": "center", "favourite": "favorite", "stabilise": "stabilize", "realise": "realize",
        "tyre": "tire", "oedema": "edema", "haemorrhage": "hemorrhage", "ageing": "aging",
        "tendonitis": "tendinitis", "travelling": "traveling", "jewellery": "jewelry", "grey": "gray",
        "mum": "mom", "practise": "practice", "recognise": "recognize", "organise": "organize",
        "behaviour": "behavior", "labour": "labor", "neighbour": "neighbor", "apologise": "apologize",
        "anaemia": "anemia", "paediatric": "pediatric", "orthopaedic": "orthopedic", "litre": "liter",
        "litres": "liters", "moisturiser": "moisturizer", "minimise": "minimize", "maximise": "maximize",
    ]
}
