import Foundation
import TestSupport
import Testing

/// What a user of any Swift command-line tool expects: `--version`, completion scripts for the
/// shells, and the help dump the man page is generated from.
@Suite struct CommandLineTests {
    let binary = BinaryTests()
    static let subcommands = ["chat", "classify", "intents", "eval", "test", "check"]

    @Test func versionPrintsTheOneInTheSource() throws {
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("Sources/rubdown/Version.swift"), encoding: .utf8)
        let declared = try #require(source.firstMatch(of: /let version = "([^"]+)"/)).1
        let result = try binary.run(["--version"], input: "")
        #expect(result.status == 0)
        #expect(result.stdout == "\(declared)\n")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil)
    }

    @Test func helpMentionsVersion() throws {
        let result = try binary.run(["--help"], input: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("--version"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptNamesTheSubcommands(shell: String) throws {
        let result = try binary.run(["--generate-completion-script", shell], input: "")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for subcommand in Self.subcommands { #expect(result.stdout.contains(subcommand), "\(shell): no \(subcommand)") }
        #expect(result.stdout.contains("--save-plan"))
    }

    @Test func theBashCompletionScriptIsValidBash() throws {
        let script = try binary.run(["--generate-completion-script", "bash"], input: "").stdout
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["bash", "-n"]
        let input = Pipe()
        check.standardInput = input
        try check.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    /// The generate-manual plugin (scripts/install.sh) reads this dump; a command it cannot
    /// describe would make no man page.
    @Test func theHelpDumpForTheManPageDescribesEverySubcommand() throws {
        let result = try binary.run(["--experimental-dump-help"], input: "")
        #expect(result.status == 0)
        let dump = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let command = try #require(dump["command"] as? [String: Any])
        #expect(command["commandName"] as? String == "rubdown")
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(Set(Self.subcommands).isSubset(of: Set(names)))
    }
}
