import TestSupport
import Testing

@testable import RubdownKit

/// The line models (Knowledge/sign-model.yaml and scope-model.yaml, from scripts/line-model.py): linear models over a
/// line's words, read beside the red flags' patterns and the intent table's ranking.
@Suite struct LineModelTests {
    let signs = shippedCoach.interpreter.extractor.signModel
    let interpreter = shippedCoach.interpreter

    @Test func theSignModelReadsEveryRedFlagAndNone() {
        let flags = Set(shippedCoach.content.knowledge.redFlags.map(\.id))
        #expect(!signs.isEmpty)
        #expect(Set(signs.classes) == flags.union([signs.nothing]))
        // The bundled sign model never sets a pattern's flag aside (a reviewer showed that hiding real signs).
        #expect(signs.setAsideAbove >= 1)
        #expect(signs.backOffBelow > 0 && signs.backOffBelow < 0.5)
    }

    @Test func theScopeModelReadsEveryPlugin() {
        let scope = shippedCoach.content.knowledge.scopeModel
        #expect(scope.classes.allSatisfy { shippedCoach.plugins.plugin(named: $0) != nil })
        #expect(Set(["bath", "core", "fallback", "techniques", "triage"]).isSubset(of: Set(scope.classes)))
        #expect(scope.nothing == "fallback")
        // It declines; it never brings in a line the ranking declines ("is a cold beer ok after the long run").
        #expect(scope.setAsideAbove < 1 && scope.backOffBelow == 0)
        #expect(shippedCoach.classify("is a cold beer ok after the long run").plugin == "fallback")
    }

    @Test func aNegatedWordIsReadAsNegated() {
        let understanding = interpreter.understand("my calf is not swollen at all")
        #expect(understanding.entities.lineModelWords.contains("not_swollen"))
        #expect(!understanding.entities.lineModelWords.contains("swollen"))
        #expect(understanding.entities.redFlags.isEmpty)
    }

    /// Ordinary soreness in strong words reads as no sign; a sign in words no pattern has reads as one.
    @Test func readingsPointTheRightWay() throws {
        let sore = try #require(signs.read(features: features("my quads are absolutely wrecked after the marathon")))
        #expect(sore.nothingProbability > 0.9)
        let chest = try #require(signs.read(features: features("since the race my chest feels crushed and my left arm aches")))
        #expect(chest.best == "chest")
        let shirt = try #require(interpreter.understand("what temperature should I press a linen shirt at").scope)
        #expect(shirt.outOfScope > 0.5)
        let calves = try #require(interpreter.understand("my calves are sore after a 10k").scope)
        #expect(calves.likeliestPlugin == "triage" && calves.outOfScope < 0.1)
    }

    /// Answers mean what the question makes them: the sign model leaves them, and short lines, to the patterns.
    @Test func answersAndShortLinesAreLeftToThePatterns() {
        let line = "deep groin pain after the run and now it hurts to put weight on the leg"
        let alone = interpreter.understand(line)
        let answering = interpreter.understand(line, answering: true)
        #expect(alone.entities.lineModelWords == answering.entities.lineModelWords)
        #expect(answering.entities.redFlagFromModel == nil)
        #expect(interpreter.understand("not sure").entities.redFlags.isEmpty)
        #expect(interpreter.understand("not sure").scope == nil)
    }

    @Test func aRowThatDoesNotReadIsReportedAtItsLine() {
        let file = ContentFile(
            path: "Knowledge/sign-model.yaml",
            text: """
                sign_model:
                  classes: [none, clot]
                  nothing: none
                  bias: [0, 0]
                  set_aside_above: 1
                  back_off_below: 0.05
                  weights: [
                    "calf = clot 1.0",
                    "swollen = clot lots",
                  ]

                """)
        var diagnostics: [ContentDiagnostic] = []
        do { _ = try Content.load(knowledge: [file], intents: []) } catch { diagnostics = error.contentDiagnostics }
        #expect(
            diagnostics.contains {
                $0.file == "Knowledge/sign-model.yaml" && $0.line == 9 && $0.message.contains("'lots' is not a number")
            })
    }

    private func features(_ line: String) -> [UInt64] { LineModel.features(interpreter.understand(line).entities.lineModelWords) }
}
