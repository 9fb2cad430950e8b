/// A light suffix stripper: enough that "hurts", "hurting" and "hurt" meet, applied the same way
/// to examples and input, so consistency matters more than linguistics.
enum Stemmer {
    static func stem(_ word: String) -> String {
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
        if chars.count > 2, chars[chars.count - 1] == chars[chars.count - 2], !"lsz".contains(chars.last!) {
            return String(chars.dropLast())
        }
        return w
    }

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
