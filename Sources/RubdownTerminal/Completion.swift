import RubdownKit

/// What Tab completes at the prompt: one spelling per name, so a prefix such as "foam" has one
/// completion ("foam roller") rather than several spellings of the same thing, whose common
/// prefix would complete nothing. Areas, techniques and baths are read from the content, so an
/// overlay's new technique completes too.
public enum Completion {
    /// The commands given, then the name of every area, technique and bath in the knowledge
    /// base, in lower case (the coach reads any case), each once, sorted. Readline lists these
    /// raw on a double Tab, so a name with a control character is left out.
    public static func words(knowledge: KnowledgeBase, commands: [String]) -> [String] {
        let names = knowledge.areas.map(\.name) + knowledge.techniques.map(\.name) + knowledge.baths.map(\.name)
        let words = (commands + names).map { $0.lowercased() }.filter { !$0.isEmpty && $0 == $0.escapingControlCharacters }
        return Array(Set(words)).sorted()
    }

    /// The words that complete what was typed (compared in lower case).
    public static func matches(_ typed: String, in words: [String]) -> [String] {
        let prefix = typed.lowercased()
        return words.filter { $0.hasPrefix(prefix) }
    }
}
