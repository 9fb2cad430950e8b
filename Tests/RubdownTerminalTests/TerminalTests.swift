import RubdownTerminal
import Testing

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

    @Test func historyPathFollowsTheEnvironment() {
        #expect(History.defaultPath(environment: ["HOME": "/home/r"]) == "/home/r/.local/state/rubdown/history")
        #expect(History.defaultPath(environment: ["HOME": "/home/r", "XDG_STATE_HOME": "/s"]) == "/s/rubdown/history")
        #expect(History.defaultPath(environment: ["RUBDOWN_HISTORY": "/tmp/h", "HOME": "/home/r"]) == "/tmp/h")
    }
}
