import RubdownKit
import TestSupport
import Testing

/// The shipped content passes `rubdown check --strict`, checked here once, in-process, on the
/// coach compiled into the binary (`CoachSnapshotTests` proves it is the one the YAML builds).
/// `ContentCheck` is the one place the content's own rules live: every example is classified to
/// its own intent, every intent has at least `ContentCheck.minimumExamples` examples, no example
/// is in two intents, every follow-up question can be answered, no knowledge is unreachable.
@Suite struct ContentCheckTests {
    @Test func theShippedContentPassesCheckStrictly() {
        let diagnostics = ContentCheck.run(shippedCoach)
        #expect(diagnostics.isEmpty, "\(diagnostics.count) problems:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyPluginHasIntents() {
        #expect(shippedCoach.content.intents.pluginNames.isSuperset(of: ["core", "techniques", "triage", "bath", "fallback"]))
    }
}
