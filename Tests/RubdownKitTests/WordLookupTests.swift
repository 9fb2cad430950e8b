import TestSupport
import Testing

@testable import RubdownKit

/// The per-line look-ups that answer from tables made once (session 9): a token's word classes by
/// its text, and typo corrections remembered. Each must answer what the list or the search it
/// stands for answers.
@Suite struct WordLookupTests {
    /// Every word of each list read per token has the list's bit, and a word of none has none of them.
    @Test func eachListReadPerTokenIsABitOfItsWords() {
        let lists: [(words: [String], bit: WordClass)] = [
            (Array(Interpreter.keywordFillers), .keywordFiller), (Array(EntityExtractor.groans), .groan),
            (Array(EntityExtractor.timeCues), .timeCue), (Array(PastReading.clues), .pastClue),
        ]
        for (words, bit) in lists {
            for word in words { #expect(WordClass.byText[word]?.contains(bit) == true, "\(word)") }
            #expect(!(WordClass.byText["calves"] ?? []).contains(bit))
        }
    }

    /// The content's words of another person are a bit by text in the stem index's table, beside the fixed
    /// lists' bits, and no other word has it.
    @Test func theWordsOfAnotherPersonAreMarkedByText() {
        let table = StemIndex.build(
            lexiconPhrases: [:], domainStems: [], keywords: [:], detectorPhrases: Array(repeating: [:], count: 6),
            someoneElse: ["dad", "so"])
        #expect(table.classes(ofText: "dad") == .someoneElse)
        #expect(table.classes(ofText: "so") == (WordClass.byText["so"] ?? []).union(.someoneElse))
        #expect(table.classes(ofText: "ugh") == WordClass.byText["ugh"])
        #expect(table.classes(ofText: "calves") == [])
        var tokens = [Token(text: "my", stem: "my"), Token(text: "dad", stem: "dad")]
        WordClass.mark(&tokens, entries: [-1, -1], of: table)
        #expect(!tokens[0].classes.contains(.someoneElse) && tokens[1].classes.contains(.someoneElse))
    }

    /// A correction remembered is the one worked out: asked again, the same word (or none) comes back.
    @Test(
        arguments: [
            ("rollr", "roller"), ("masage", "massage"), ("streching", "stretching"), ("hamstrigs", nil), ("holiday", nil),
            ("xqzzyv", nil),
        ] as [(String, String?)])
    func aRememberedCorrectionIsTheOneWorkedOut(word: String, correction: String?) {
        let lexicon = shippedCoach.interpreter.lexicon
        #expect(lexicon.correction(for: word) == correction)
        #expect(lexicon.correction(for: word) == correction)
    }

    @Test func theMemoTellsNoCorrectionFromNotWorkedOut() {
        let memo = CorrectionMemo()
        #expect(memo.correction(for: "rollr") == nil)
        memo.remember("roller", for: "rollr")
        memo.remember(nil, for: "holiday")
        #expect(memo.correction(for: "rollr") == .some("roller"))
        #expect(memo.correction(for: "holiday") == .some(nil))
        for index in 0..<CorrectionMemo.capacity { memo.remember(nil, for: "w\(index)") }
        // Full, it starts again rather than growing.
        #expect(memo.correction(for: "rollr") == nil)
    }
}
