import TestSupport
import Testing

@testable import RubdownKit

/// The sign model (Knowledge/sign-model.yaml, scripts/sign-model.py): a linear model over a line's words that catches a
/// warning sign no pattern words, read only on lines told on their own.
@Suite struct SignModelTests {
    let model = shippedCoach.interpreter.extractor.signModel

    @Test func theBundledModelReadsEveryRedFlagAndNone() {
        let flags = Set(shippedCoach.content.knowledge.redFlags.map(\.id))
        #expect(!model.isEmpty)
        #expect(Set(model.classes) == flags.union([SignModel.none]))
        // The bundled model never sets a pattern's flag aside (a reviewer showed that hiding real signs).
        #expect(model.vetoAbove >= 1)
        #expect(model.backOffBelow > 0 && model.backOffBelow < 0.5)
    }

    @Test func aNegatedWordIsReadAsNegated() {
        let understanding = shippedCoach.interpreter.understand("my calf is not swollen at all")
        #expect(understanding.entities.signModelWords.contains("not_swollen"))
        #expect(!understanding.entities.signModelWords.contains("swollen"))
        #expect(understanding.entities.redFlags.isEmpty)
    }

    /// Ordinary soreness in strong words reads as no sign; a sign in words no pattern has reads as one.
    @Test func readingsPointTheRightWay() throws {
        let sore = try #require(model.read(words("my quads are absolutely wrecked after the marathon")))
        #expect(sore.noneProbability > 0.9)
        let chest = try #require(model.read(words("since the race my chest feels crushed and my left arm aches")))
        #expect(chest.sign == "chest")
    }

    /// Answers mean what the question makes them: the model leaves them, and short lines, to the patterns.
    @Test func answersAndShortLinesAreLeftToThePatterns() {
        let line = "deep groin pain after the run and now it hurts to put weight on the leg"
        let alone = shippedCoach.interpreter.understand(line)
        let answering = shippedCoach.interpreter.understand(line, answering: true)
        #expect(alone.entities.signModelWords == answering.entities.signModelWords)
        #expect(answering.entities.redFlagFromModel == nil)
        #expect(shippedCoach.interpreter.understand("not sure").entities.redFlags.isEmpty)
    }

    @Test func aRowThatDoesNotReadIsReportedAtItsLine() {
        let file = ContentFile(
            path: "Knowledge/sign-model.yaml",
            text: """
                sign_model:
                  classes: [none, clot]
                  bias: [0, 0]
                  veto_above: 1
                  back_off_below: 0.05
                  weights: [
                    "calf = clot 1.0",
                    "swollen = clot lots",
                  ]

                """)
        var diagnostics: [ContentDiagnostic] = []
        do { _ = try Content.load(knowledge: [file], intents: []) } catch { diagnostics = error.contentDiagnostics }
        #expect(
            diagnostics.contains { $0.file == "Knowledge/sign-model.yaml" && $0.line == 8 && $0.message.contains("'lots' is not a number") }
        )
    }

    private func words(_ line: String) -> [String] { shippedCoach.interpreter.understand(line).entities.signModelWords }
}
