import Foundation

/// Stage 1 of understanding: one canonical spelling of what was typed. Lower case, accents
/// and typographic quotes folded, contractions expanded, British spellings made American,
/// punctuation dropped except clause breaks (`,`), which bound the scope of a negation.
enum Normalizer {
    /// The words of the normalised line: what `normalize` returns, split at spaces.
    static func words(_ raw: String) -> [String] {
        var raw = raw
        if let words = raw.withUTF8({ asciiWords($0) }) { return words }
        // ASCII but for typographic apostrophes (phones type them): folding leaves those and the
        // ASCII alone apart from case, then `normalize` makes them "'", so the fast path applies.
        if raw.unicodeScalars.allSatisfy({ $0.isASCII || $0 == "\u{2019}" || $0 == "\u{2018}" }) {
            let bytes = raw.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: "'") }
            if let words = bytes.withUnsafeBufferPointer({ asciiWords($0) }) { return words }
        }
        return normalize(raw).split(separator: " ").map(String.init)
    }

    /// The canonical spelling as one string, for lines with characters beyond ASCII (plain ASCII,
    /// with or without typographic apostrophes, takes `asciiWords`, which gives the same words
    /// straight from the bytes): Foundation's folding, then a scan of Unicode scalars.
    static func foldsToItself(_ scalar: Unicode.Scalar) -> Bool {
        let alone = String(scalar)
        return alone.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased() == alone
    }

    static func normalize(_ raw: String) -> String {
        var text = raw.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        text = text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
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
                // (Kept only if folding it alone leaves it as it is: a half-width mark after an unassigned character was
                // kept, then folded to a combining mark and dropped when normalised again; seed
                // Oh939J1iYiMl8jX1byyL6otU6wLm2aDC8hrf1VgyIcM= of the property test found "꒍ﾞ".)
                if scalar.properties.isAlphabetic
                    && !(scalar.properties.generalCategory == .nonspacingMark
                        || scalar.properties.generalCategory == .spacingMark || scalar.properties.generalCategory == .enclosingMark)
                    && Self.foldsToItself(scalar)
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
                words += rewritten(String(word.dropLast(3))) + ["not"]
            } else if word.hasSuffix("'s") || word.hasSuffix("'d") || word.hasSuffix("'m") {
                words += rewritten(String(word.dropLast(2)))
            } else if word.hasSuffix("'re") || word.hasSuffix("'ve") || word.hasSuffix("'ll") {
                words += rewritten(String(word.dropLast(3)))
            } else {
                words += word.contains("'") ? rewritten(word.replacingOccurrences(of: "'", with: "")) : [american[word] ?? word]
            }
        }
        // Collapse repeated clause breaks.
        var result: [String] = []
        for word in words where !(word == "," && (result.last == "," || result.isEmpty)) { result.append(word) }
        if result.last == "," { result.removeLast() }
        return result.joined(separator: " ")
    }

    /// `normalize` for a line of plain ASCII, split into words, without Foundation or
    /// intermediate strings: each word is a run of the input's bytes, lower-cased, so the scan
    /// only decides where runs end and which clause breaks to emit. Nil when a byte is not ASCII.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        for byte in bytes where byte >= 0x80 { return nil }
        var words: [String] = []
        words.reserveCapacity(bytes.count / 4 + 2)
        // Collapsing repeated clause breaks as they come; "" (from a lone "n't") is kept until the
        // end, as it was in the joined string, so that it separates breaks the same way.
        var lastIsBreak = false
        var hasEmpty = false
        func emitBreak() {
            if !lastIsBreak && !words.isEmpty {
                words.append(",")
                lastIsBreak = true
            }
        }
        func emit(_ word: String) {
            words.append(word)
            lastIsBreak = false
            if word.isEmpty { hasEmpty = true }
        }
        var start = -1
        var apostrophe = false
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            let word = lowercase(bytes, start, end)
            if rewriteFilter.mayContain(word), let rewrite = rewrites[word] {
                for part in rewrite { emit(part) }
            } else if apostrophe {
                let utf8 = word.utf8
                // What is left of a contraction is rewritten as a word of its own would be ("r'm": "are"), so
                // that normalising twice gives what normalising once does.
                func emitRewritten(_ stem: String) {
                    if let rewrite = rewrites[stem] { rewrite.forEach(emit) } else { emit(stem) }
                }
                if utf8.count >= 3, endsWith(utf8, "n't") {
                    emitRewritten(String(decoding: utf8.dropLast(3), as: UTF8.self))
                    emit("not")
                } else if endsWith(utf8, "'s") || endsWith(utf8, "'d") || endsWith(utf8, "'m") {
                    emitRewritten(String(decoding: utf8.dropLast(2), as: UTF8.self))
                } else if endsWith(utf8, "'re") || endsWith(utf8, "'ve") || endsWith(utf8, "'ll") {
                    emitRewritten(String(decoding: utf8.dropLast(3), as: UTF8.self))
                } else {
                    // ("u'r" is "ur" once its apostrophe goes, which is "your")
                    emitRewritten(String(decoding: utf8.filter { $0 != UInt8(ascii: "'") }, as: UTF8.self))
                }
            } else {
                emit(word)
            }
            start = -1
            apostrophe = false
        }
        let count = bytes.count
        for index in 0..<count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if start < 0 { start = index }
            case UInt8(ascii: "'"):
                if index > 0, index + 1 < count, isASCIILetter(bytes[index - 1]), isASCIILetter(bytes[index + 1]) {
                    if start < 0 { start = index }
                    apostrophe = true
                } else {
                    flush(index)
                }
            case UInt8(ascii: "."), UInt8(ascii: "/"):
                if index > 0, index + 1 < count, isASCIIDigit(bytes[index - 1]), isASCIIDigit(bytes[index + 1]) {
                    if start < 0 { start = index }
                } else {
                    flush(index)
                    emitBreak()
                }
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                flush(index)
                emitBreak()
            default:
                // Spaces, "-", "_", "&", "+" and every other ASCII symbol or control end a word.
                flush(index)
            }
        }
        flush(count)
        if lastIsBreak { words.removeLast() }
        if hasEmpty { words.removeAll { $0.isEmpty } }
        // "outside of me knee", "me calves": "me" before a part of the leg is "my" (British and Irish speech; a blind
        // writer's outer-knee pain at a fixed distance missed its route for it).
        // ("me left calf"; not "my legs hate me right now".)
        for index in words.indices.dropLast() where words[index] == "me" {
            let next = words[index + 1]
            let part = ["left", "right", "lower"].contains(next) ? (index + 2 < words.count ? words[index + 2] : "") : next
            if Self.partsAfterMe.contains(part) { words[index] = "my" }
        }
        return words
    }
    private static let partsAfterMe: Set<String> = [
        "knee", "knees", "leg", "legs", "calf", "calves", "ankle", "ankles", "foot", "feet", "hip", "hips", "hamstring", "hamstrings",
        "hammy", "hammies", "quad", "quads", "shin", "shins", "heel", "heels", "achilles", "thigh", "thighs", "glutes", "bum", "toe",
        "toes", "arch", "groin", "pins", "pegs", "stems",
    ]

    private static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                let byte = bytes[start + offset]
                buffer[offset] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
            return end - start
        }
    }

    private static func endsWith(_ utf8: String.UTF8View, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard utf8.count >= count else { return false }
        return suffix.withUTF8Buffer { suffix in utf8.suffix(count).elementsEqual(suffix) }
    }

    @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    @inline(__always) private static func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static let rewriteFilter = ASCIIWordFilter(rewrites.keys)

    /// The word-for-words rewrites of `normalize`'s word step in one table: contractions (split
    /// into words) and British spellings.
    private static let rewrites: [String: [String]] = {
        var table = american.mapValues { [$0] }
        for (word, expansion) in contractions { table[word] = expansion.split(separator: " ").map(String.init) }
        return table
    }()

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// Contractions, with and without the apostrophe (runners type fast).
    /// A word left by stripping a contraction, rewritten as the word alone would be.
    private static func rewritten(_ word: String) -> [String] {
        if let expansion = contractions[word] { return expansion.split(separator: " ").map(String.init) }
        return [american[word] ?? word]
    }

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
        "pls": "please", "plz": "please", "thx": "thanks", "tho": "though", "ty": "thank you", "u": "you", "ur": "your",
        "r": "are", "thru": "through",
        // Australian "crook" is sore or ill ("crook calves"); "crooked" stems to it, a limb out of shape.
        "crook": "sore", "cuz": "because", "coz": "because", "abt": "about",
        // "laters" as a goodbye: its stem is "later", which "six days later" says too.
        "laters": "see you later",
        // Times as typed on a phone: "yday", "2day", "2nite".
        "yday": "yesterday", "yest": "yesterday", "ystday": "yesterday", "2day": "today", "tday": "today", "2nite": "tonight",
        "tonite": "tonight", "2moro": "tomorrow", "tmrw": "tomorrow",
        // Spans of time shortened: "3 wks now", "a couple of yrs".
        "wk": "week", "wks": "weeks", "mth": "month", "mths": "months", "yr": "year", "yrs": "years",
        // Compounds written as one word.
        "icebath": "ice bath", "icebaths": "ice baths",
        // Scots and Caribbean negatives: "cannae put weight on it", "mi cyaan walk".
        "cannae": "can not", "canna": "can not", "cyaan": "can not", "caan": "can not", "dinnae": "do not",
        "didnae": "did not", "couldnae": "could not", "wouldnae": "would not", "isnae": "is not", "wasnae": "was not",
        "doesnae": "does not", "willnae": "will not", "wullnae": "will not", "havnae": "have not", "hasnae": "has not",
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
