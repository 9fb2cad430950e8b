import RubdownKit
import RubdownTerminal
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct TerminalTests {
    @Test func wrapsToTheWidthKeepingListIndentation() {
        let text = "  1. Start at the top of your foot and sweep both hands slowly up the leg towards your hip."
        let wrapped = Wrapper.wrap(text, width: 40)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") })
    }

    @Test func noColourWithoutATerminal() {
        let style = TerminalStyle(colour: false, width: nil)
        #expect(style.reply("hello") == "hello")
        #expect(TerminalStyle(colour: true, width: nil).reply("hello").contains("\u{1B}["))
    }

    /// `file:line:col: error: message`: the severity coloured only with colour, and the file name
    /// and message with their control characters escaped either way.
    @Test func diagnosticsColourTheirSeverity() {
        let error = ContentDiagnostic(file: "x\u{7}.yaml", line: 3, column: 5, message: "bad \u{1B}[2J")
        let warning = ContentDiagnostic(file: "y.yaml", line: 1, severity: .warning, message: "thin")
        #expect(TerminalStyle(colour: false, width: nil).diagnostic(error) == #"x\x07.yaml:3:5: error: bad \x1B[2J"#)
        #expect(TerminalStyle(colour: true, width: nil).diagnostic(error) == "x\\x07.yaml:3:5: \u{1B}[31merror:\u{1B}[0m bad \\x1B[2J")
        #expect(TerminalStyle(colour: false, width: nil).diagnostic(warning) == warning.description)
        #expect(TerminalStyle(colour: true, width: nil).diagnostic(warning) == "y.yaml:1:1: \u{1B}[33mwarning:\u{1B}[0m thin")
    }

    @Test func exitStatusesAreTheDocumentedOnes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 64, 65, 74])
        #expect(ExitStatus.endedBySignal(SIGTERM) == 143)
    }

    @Test func historyPathFollowsTheEnvironment() {
        #expect(History.defaultPath(environment: ["HOME": "/home/r"]) == "/home/r/.local/state/rubdown/history")
        #expect(History.defaultPath(environment: ["HOME": "/home/r", "XDG_STATE_HOME": "/s"]) == "/s/rubdown/history")
        #expect(History.defaultPath(environment: ["RUBDOWN_HISTORY": "/tmp/h", "HOME": "/home/r"]) == "/tmp/h")
    }
}
