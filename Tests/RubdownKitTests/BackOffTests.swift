import TestSupport
import Testing

@testable import RubdownKit

/// The semantic back-off (issue 13, part 4): Knowledge/word-neighbours.yaml gives a word the content never
/// uses its nearest content word (MiniLM vectors); only the kind of that word counts.
@Suite struct BackOffTests {
    let lexicon = shippedCoach.interpreter.lexicon

    @Test func neighboursAreReadWithTheirKind() throws {
        let tighter = try #require(lexicon.neighbour(of: "tighter"))
        #expect(tighter.word == "tight")
        #expect(tighter.isDomain && !tighter.isForeign)
        let album = try #require(lexicon.neighbour(of: "album"))
        #expect(album.isForeign && !album.isDomain)
    }

    @Test func aWordTheContentKnowsHasNoNeighbour() {
        #expect(lexicon.neighbour(of: "calves") == nil)
        #expect(lexicon.neighbour(of: "massage") == nil)
    }

    /// "appetite" is no noun of another topic in WordNet's sense, but its neighbour ("eat") is a word only
    /// out-of-scope examples use: beside a domain word of another sense, the line is declined.
    @Test(arguments: ["press the appetite", "best press for my appetite"])
    func aForeignNeighbourKeepsAnOtherSenseOut(text: String) {
        #expect(shippedCoach.classify(text).plugin == "fallback")
    }

    @Test func aPlainDomainLineIsNotMovedByANeighbour() {
        // "appetite" beside a plain domain word (an area): still about the domain.
        #expect(shippedCoach.classify("my calves hurt and I have no appetite").plugin == "triage")
    }
}
