/// A light suffix stripper: enough that "hurts", "hurting" and "hurt" meet, applied the same way
/// to examples and input, so consistency matters more than linguistics.
enum Stemmer {
    static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        // Three bytes or fewer is three characters or fewer, whatever the script.
        if utf8.count <= 3 { return word }
        if let stem = asciiStem(word) { return stem }
        return generalStem(word)
    }

    /// `generalStem` for a word of ASCII letters, on its bytes (one byte is one character, and
    /// only A-Z and a-z are letters); the word itself when it has other ASCII characters; nil
    /// when it is not ASCII.
    private static func asciiStem(_ word: String) -> String? {
        var isWord = true
        for byte in word.utf8 {
            if byte >= 0x80 { return nil }
            if (byte | 0x20) &- UInt8(ascii: "a") >= 26 { isWord = false }
        }
        guard isWord else { return word }
        if exceptionFilter.mayContain(word), let exception = exceptions[word] { return exception }
        // On the word's bytes (a native string's UTF-8 is contiguous); nil: the word is its own stem.
        var bytes = word
        let stem = bytes.withUTF8 { w -> String? in
            let n = w.count
            func ends(_ suffix: StaticString) -> Bool {
                let count = suffix.utf8CodeUnitCount
                guard n >= count else { return false }
                let tail = suffix.utf8Start
                for offset in 0..<count where w[n - count + offset] != tail[offset] { return false }
                return true
            }
            func prefix(_ count: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: w[0..<count]), as: UTF8.self) }
            func undoublePrefix(_ count: Int) -> String {
                // `undouble`: a doubled last letter other than l, s or z is dropped ("stopp" → "stop").
                if count > 2 {
                    let last = w[count - 1]
                    let before = w[count - 2]
                    // (Vowels are not undoubled either: "weeing" is "wee", not the pronoun "we".)
                    if last == before, last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "z"),
                        last != UInt8(ascii: "a"), last != UInt8(ascii: "e"), last != UInt8(ascii: "i"), last != UInt8(ascii: "o"),
                        last != UInt8(ascii: "u")
                    {
                        return prefix(count - 1)
                    }
                }
                return prefix(count)
            }
            if ends("ies"), n > 4 { return prefix(n - 3) + "y" }
            if ends("sses") { return prefix(n - 2) }
            if ends("ing"), n > 5 { return undoublePrefix(n - 3) }
            if ends("ed"), n > 4, !ends("eed") { return undoublePrefix(n - 2) }
            if ends("ly"), n > 5 { return prefix(n - 2) }
            if ends("es"), n > 4, ends("shes") || ends("ches") || ends("xes") { return prefix(n - 2) }
            if ends("s"), !ends("ss"), !ends("us"), !ends("is") { return prefix(n - 1) }
            return nil
        }
        return stem ?? word
    }

    /// The stemmer for any word; `asciiStem` gives the same answer faster for ASCII words.
    private static func generalStem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy({ $0.isLetter }) else { return word }
        if let exception = exceptions[word] { return exception }
        var w = word
        if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") { return String(w.dropLast(2)) }
        if w.hasSuffix("ing"), w.count > 5 {
            w = undouble(String(w.dropLast(3)))
            return w
        }
        if w.hasSuffix("ed"), w.count > 4, !w.hasSuffix("eed") {
            w = undouble(String(w.dropLast(2)))
            return w
        }
        if w.hasSuffix("ly"), w.count > 5 { return String(w.dropLast(2)) }
        if w.hasSuffix("es"), w.count > 4, w.dropLast(2).hasSuffix("sh") || w.dropLast(2).hasSuffix("ch") || w.dropLast(2).hasSuffix("x") {
            return String(w.dropLast(2))
        }
        if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }

    private static func undouble(_ w: String) -> String {
        let chars = Array(w)
        if chars.count > 2, chars[chars.count - 1] == chars[chars.count - 2], !"lszaeiou".contains(chars.last!) {
            return String(chars.dropLast())
        }
        return w
    }

    private static let exceptionFilter = ASCIIWordFilter(exceptions.keys)

    private static let exceptions: [String: String] = [
        "calves": "calf", "calfs": "calf", "feet": "foot", "knees": "knee", "thighs": "thigh", "shins": "shin",
        "aching": "ache", "aches": "ache", "ached": "ache", "swelling": "swell", "swollen": "swell", "swelled": "swell",
        "bruising": "bruise", "bruised": "bruise", "bruises": "bruise", "massaging": "massage", "massaged": "massage",
        "rolling": "roll", "stroking": "stroke", "strokes": "stroke", "pressing": "press", "drumming": "drum",
        "running": "run", "ran": "run", "runs": "run", "hurting": "hurt", "hurts": "hurt", "tingling": "tingle",
        "tingly": "tingle", "burning": "burn", "throbbing": "throb", "stabbing": "stab", "shooting": "shoot",
        "breathing": "breath", "breathe": "breath", "breathless": "breathless", "stiffness": "stiff",
        "tightness": "tight", "soreness": "sore", "numbness": "numb", "weakness": "weak", "this": "this",
        "does": "do", "was": "was", "has": "has", "its": "its", "bus": "bus", "yes": "yes",
    ]
}
