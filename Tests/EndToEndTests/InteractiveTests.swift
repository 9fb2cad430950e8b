import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Rubdown at a real prompt: a pseudo-terminal driven through tmux (see `TerminalPane`).
/// Each test owns a tmux server, a terminal and a home folder, so they run side by side, on
/// threads of their own (`TerminalPane.drive`), each waiting for what its screen shows.
@Suite(.enabled(if: TerminalPane.available, "tmux is not installed (apt-get install tmux): no pseudo-terminal to test in"))
struct InteractiveTests {
    /// Waits for rubdown to end and checks the status and that the terminal is as it was.
    func expectEnded(_ pane: TerminalPane, status expected: Int32, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let status = try await pane.exitStatus()
        #expect(status == expected, sourceLocation: sourceLocation)
        let settings = try pane.terminalSettings()
        #expect(settings.before == settings.after, "the terminal settings were not restored", sourceLocation: sourceLocation)
    }

    func historyLines(_ path: String) -> [String] {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0 != "#rubdown history" }
    }

    @Test func typingALineGetsAReply() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane()
            try await pane.waitFor("Rubdown: post-run")
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
            #expect(try pane.standardError().isEmpty)
        }
    }

    /// Replies are coloured at a terminal, except one that says it cannot show colour (TERM=dumb).
    @Test func aDumbTerminalGetsNoColour() async throws {
        try await TerminalPane.drive {
            let coloured = try TerminalPane()
            try await coloured.waitForPrompt()
            try await coloured.say("my calves hurt", expecting: "Is there any swelling")
            #expect(
                try coloured.screenWithAttributes().contains("\u{1B}["), "no colour at an ordinary terminal: the check below proves nothing"
            )
            try coloured.press("C-d")
            try await expectEnded(coloured, status: 0)

            let dumb = try TerminalPane(environment: ["TERM": "dumb"])
            try await dumb.waitFor("Rubdown: post-run")
            try await dumb.waitForPrompt()
            try await dumb.say("my calves hurt", expecting: "Is there any swelling")
            #expect(!(try dumb.screenWithAttributes().contains("\u{1B}[")), "colour at TERM=dumb")
            try dumb.press("C-d")
            try await expectEnded(dumb, status: 0)
        }
    }

    @Test func tabCompletesATechnique() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane()
            try await pane.waitForPrompt()
            try pane.type("how do I do dru")
            try await pane.waitFor("> how do I do dru")
            try pane.press("Tab")
            try await pane.waitFor("> how do I do drumming")
            try pane.press("Enter")
            try await pane.waitFor("Drumming:")
            try await pane.waitForPrompt()
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
        }
    }

    /// One spelling per name: "foam" offered "foam roller" and "foam-roller" and completed nothing.
    @Test func tabCompletesFoamToFoamRoller() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane()
            try await pane.waitForPrompt()
            try pane.type("can I use a foam")
            try await pane.waitFor("> can I use a foam")
            try pane.press("Tab")
            try await pane.waitFor("> can I use a foam roller")
            try pane.press("C-a", "C-k", "C-d")
            try await expectEnded(pane, status: 0)
        }
    }

    @Test func upRecallsLinesFromThisAndTheLastSession() async throws {
        try await TerminalPane.drive {
            let first = try TerminalPane()
            try await first.waitForPrompt()
            try await first.say("my calves hurt", expecting: "Is there any swelling")
            try await first.say("no", expecting: "What kind of pain")
            try first.press("Up")
            try first.press("Up")
            try await first.waitFor("the first line, recalled") { $0.last(where: { !$0.isEmpty }) == "> my calves hurt" }
            try first.press("C-a", "C-k", "C-d")
            try await expectEnded(first, status: 0)
            #expect(historyLines(first.historyPath) == ["my calves hurt", "no"])
            var info = stat()
            stat(first.historyPath, &info)
            #expect(info.st_mode & 0o777 == 0o600)

            let second = try TerminalPane(historyPath: first.historyPath)
            try await second.waitForPrompt()
            try second.press("Up")
            try await second.waitFor("the last session's line") { $0.last(where: { !$0.isEmpty }) == "> no" }
            try second.press("C-a", "C-k", "C-d")
            try await expectEnded(second, status: 0)
        }
    }

    @Test(.disabled(if: TerminalPane.binaryUsesThreadSanitizer, TerminalPane.threadSanitizerSkip))
    func ctrlCClearsTheLineAndTheQuestionSurvives() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane()
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try pane.type("something half typ")
            try await pane.waitFor("> something half typ")  // shown: readline has read every key
            try pane.press("C-c")  // alone: keys sent with C-c are dropped by the terminal
            try await pane.waitForPrompt()  // the line cleared and a fresh prompt
            try await pane.say("no", expecting: "What kind of pain")  // answers the pending question about swelling
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
            #expect(historyLines(pane.historyPath) == ["my calves hurt", "no"])
        }
    }

    @Test func ctrlDDuringAFollowUpQuestionExitsZero() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane()
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt after a 10k", expecting: "Is there any swelling")
            try pane.press("C-d")
            try await pane.waitFor("Bye for now")  // Ctrl-D is a goodbye, as "quit" is
            try await expectEnded(pane, status: 0)
            #expect(try pane.standardError().isEmpty)
            #expect(historyLines(pane.historyPath) == ["my calves hurt after a 10k"])
        }
    }

    @Test func aResizedTerminalRewrapsTheNextReply() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane(width: 100, height: 50)
            try await pane.waitForPrompt()
            try await pane.say("how do I do stroking", expecting: "How many")
            let wide = try pane.rows(after: "> how do I do stroking", joined: true)
            #expect(wide.map(\.count).max() ?? 0 > 60)
            try pane.resize(width: 40, height: 50)
            try pane.press("C-l")  // a clear screen, so the old reply's rows are gone
            try await pane.waitForClearScreen()
            try await pane.say("how do I do stroking", expecting: "How many")
            // Joined: a row longer than 40 here would be one tmux had to wrap, not one Rubdown wrapped.
            let narrow = try pane.rows(after: "> how do I do stroking", joined: true).dropFirst().filter { !$0.isEmpty && $0 != ">" }
            #expect(narrow.count > wide.filter { !$0.isEmpty }.count)
            #expect(narrow.allSatisfy { $0.count <= 39 }, "\(narrow.filter { $0.count > 39 })")
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
        }
    }

    @Test(
        .disabled(if: TerminalPane.binaryUsesThreadSanitizer, TerminalPane.threadSanitizerSkip),
        arguments: [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")])
    func aTerminatingSignalSavesTheHistoryThenEnds(signal: Int32, name: String) async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane()
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try await pane.say("no", expecting: "What kind of pain")
            try pane.type("a dull")
            try await pane.waitFor("> a dull")
            kill(try pane.programPID(), signal)
            try await expectEnded(pane, status: 128 + signal)
            #expect(historyLines(pane.historyPath) == ["my calves hurt", "no"], "\(name)")
            #expect(!(try pane.standardError()).contains("rubdown"))  // the shell itself may say "Terminated"
        }
    }

    /// A parent that starts Rubdown with these signals blocked (as Foundation's Process does from a
    /// libdispatch thread) must not leave Ctrl-C and SIGTERM without effect.
    @Test(.disabled(if: TerminalPane.binaryUsesThreadSanitizer, TerminalPane.threadSanitizerSkip))
    func ctrlCAndSigtermWorkWhenStartedWithThemBlocked() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane(blockedSignals: [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH])
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try pane.type("half typ")
            try await pane.waitFor("> half typ")
            try pane.press("C-c")
            try await pane.waitForPrompt()
            kill(try pane.programPID(), SIGTERM)
            try await expectEnded(pane, status: 128 + SIGTERM)
            #expect(historyLines(pane.historyPath) == ["my calves hurt"])
        }
    }

    /// A warning written to a stderr nobody reads any more must not end the conversation
    /// (FileHandle.write traps on EPIPE once SIGPIPE is handled at the prompt).
    @Test func aWarningToAClosedStderrIsNoCrash() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane(homeFiles: [".local/state/rubdown/journal.json": "not json {"], closedStandardError: true)
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
        }
    }

    @Test func twoAtOnceBothKeepTheirLines() async throws {
        try await TerminalPane.drive {
            let first = try TerminalPane()
            try "#rubdown history\nfrom before\n".write(toFile: first.historyPath, atomically: false, encoding: .utf8)
            let second = try TerminalPane(historyPath: first.historyPath)
            try await first.waitForPrompt()
            try await second.waitForPrompt()
            // Each line answered before the next is typed, so the history's order is known.
            try await first.say("hello from the first")
            try await second.say("hello from the second")
            try first.press("C-d")
            try await expectEnded(first, status: 0)
            try second.enter("quit")
            try await expectEnded(second, status: 0)
            #expect(historyLines(first.historyPath) == ["from before", "hello from the first", "hello from the second", "quit"])
        }
    }

    enum HistoryProblem: String, CaseIterable { case fullDisk, folderCannotBeMade, binaryFile, readOnlyFile, symbolicLink, notAHistory }

    @Test(arguments: HistoryProblem.allCases)
    func aHistoryProblemIsOneWarningAndTheConversationGoesOn(problem: HistoryProblem) async throws {
        try await TerminalPane.drive {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-problem-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let path: String
            switch problem {
            case .fullDisk:
                path = "/dev/full"
            case .folderCannotBeMade:
                try "".write(to: scratch.appendingPathComponent("a-file"), atomically: false, encoding: .utf8)
                path = scratch.appendingPathComponent("a-file/rubdown/history").path
            case .binaryFile:
                path = scratch.appendingPathComponent("history").path
                try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
            case .readOnlyFile:
                path = scratch.appendingPathComponent("history").path
                try "#rubdown history\nsore calves\n".write(toFile: path, atomically: false, encoding: .utf8)
                try #require(makeReadOnly(path), "cannot make a read-only file here")
            case .symbolicLink, .notAHistory:
                // The runner's own notes: RUBDOWN_HISTORY points at them, or at a link to them.
                let notes = scratch.appendingPathComponent("notes.txt")
                try (1...1500).map { "note \($0)\n" }.joined().write(to: notes, atomically: false, encoding: .utf8)
                path = problem == .notAHistory ? notes.path : scratch.appendingPathComponent("history").path
                if problem == .symbolicLink { #expect(symlink(notes.path, path) == 0) }
            }
            let notesBefore = try? Data(contentsOf: scratch.appendingPathComponent("notes.txt"))
            defer { if problem == .readOnlyFile { _ = undoReadOnly(path) } }
            let pane = try TerminalPane(historyPath: path)
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try await pane.say("no", expecting: "What kind of pain")
            try await pane.say("a dull ache", expecting: "How bad is it")
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
            let warnings = try pane.standardError().split(separator: "\n")
            #expect(warnings.count == 1, "\(warnings)")
            #expect(warnings.allSatisfy { $0.hasPrefix("rubdown: warning: ") })
            if let notesBefore {
                #expect(try Data(contentsOf: scratch.appendingPathComponent("notes.txt")) == notesBefore, "the runner's file was changed")
            }
        }
    }

    @Test func noHistoryKeepsNoFile() async throws {
        try await TerminalPane.drive {
            let pane = try TerminalPane(["--no-history"])
            try await pane.waitForPrompt()
            try await pane.say("my calves hurt", expecting: "Is there any swelling")
            try pane.press("Up")
            try await pane.waitFor("this session's line") { $0.last(where: { !$0.isEmpty }) == "> my calves hurt" }
            try pane.press("C-a", "C-k", "C-d")
            try await expectEnded(pane, status: 0)
            #expect(!FileManager.default.fileExists(atPath: pane.historyPath))
            #expect(!FileManager.default.fileExists(atPath: pane.folder.appendingPathComponent("home/.local/state/rubdown/history").path))
        }
    }

    @Test func rubdownHistoryChoosesTheFile() async throws {
        try await TerminalPane.drive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-h-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let pane = try TerminalPane(historyPath: folder.appendingPathComponent("nested/h").path)
            try await pane.waitForPrompt()
            try await pane.say("hello", expecting: "Hello!")
            try pane.press("C-d")
            try await expectEnded(pane, status: 0)
            #expect(historyLines(pane.historyPath) == ["hello"])
            #expect(!FileManager.default.fileExists(atPath: pane.folder.appendingPathComponent("home/.local/state/rubdown/history").path))
        }
    }
}
