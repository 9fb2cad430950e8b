import Foundation
import Testing

/// Runs the built `rubdown` binary through pipes, as scripts and evaluations do, and checks
/// its output and exit code.
@Suite struct BinaryTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The binary sits beside the test bundle in the build folder.
    static let binary: URL = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("rubdown")
    }()

    /// - Parameter home: the folder for the run's history, journal, overlay and cache; by default
    ///   a new one, removed afterwards, so nothing leaks between tests.
    func run(_ arguments: [String], input: String, home: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(arguments, bytes: Data(input.utf8), home: home, environment: environment)
    }

    func run(_ arguments: [String], bytes input: Data, home: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-home-\(UUID().uuidString)").path
        defer { if home == nil { try? FileManager.default.removeItem(atPath: fresh) } }
        let home = home ?? fresh
        env["HOME"] = home
        env["XDG_STATE_HOME"] = home + "/state"
        env["XDG_CONFIG_HOME"] = home + "/config"
        env["XDG_CACHE_HOME"] = home + "/cache"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    func objects(_ result: Result) throws -> [[String: Any]] {
        try result.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func theREADMEConversationThroughAPipe() throws {
        let script = """
            my calves hurt after a 10k
            no
            a dull ache
            4
            yesterday
            about the same
            how do I do drumming?
            should I have an ice bath afterwards?
            quit

            """
        let result = try run(["--json"], input: script)
        #expect(result.status == 0)
        let turns = try objects(result)
        #expect(turns.count == 9)
        #expect(turns[0]["plugin"] as? String == "triage")
        #expect(turns[0]["intent"] as? String == "triage.soreness")
        let entities = turns[0]["entities"] as? [String: Any]
        #expect(entities?["body_parts"] as? [String] == ["calves"])
        #expect(entities?["distance_km"] as? Double == 10)
        #expect(entities?["red_flags"] as? [String] == [])
        #expect(turns[0]["awaiting"] as? String == "swelling")
        #expect(turns[4]["awaiting"] as? String == "trend")
        let triage = turns[5]["triage"] as? [String: Any]
        #expect(triage?["level"] as? String == "self-care")
        #expect(turns[6]["plugin"] as? String == "techniques")
        #expect((turns[6]["reply"] as? String)?.contains("Drumming") == true)
        #expect(turns[7]["plugin"] as? String == "bath")
        #expect(turns[8]["plugin"] as? String == "core")
    }

    @Test func plainPipedOutputHasNoPromptAndNoColour() throws {
        let result = try run([], input: "my calves hurt after a 10k\n4\n")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("> "))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(!result.stdout.contains("Rubdown: post-run"))
        #expect(result.stdout.contains("swelling"))
    }

    /// A script that stops while swelling is still being asked about: the warning held for the answer is
    /// said at the end of input, not lost with the question; a script that ends at an ordinary question
    /// gets no extra line, and the JSON contract stays one line per line typed.
    @Test func aScriptThatStopsWhileSwellingIsHeldGetsTheWarning() throws {
        let swollen = "my calves hurt after a 10k\nyes the right one is puffy\n"
        let text = try run([], input: swollen)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Before you go"))
        #expect(text.stdout.contains("don't massage"))
        #expect(!text.stdout.contains("Bye for now"))

        let ordinary = try run([], input: "my calves hurt after a 10k\nno\n")
        #expect(!ordinary.stdout.contains("Before you go"))

        let json = try objects(try run(["--json"], input: swollen))
        #expect(json.count == 2)
    }

    @Test func classifyIsStateless() throws {
        let result = try run(["classify"], input: "my calves hurt\nhow do I do drumming?\nwhat's the weather in Paris\n")
        let lines = try objects(result)
        #expect(lines.count == 3)
        #expect(lines.map { $0["plugin"] as? String } == ["triage", "techniques", "fallback"])
        #expect(lines.allSatisfy { Set($0.keys) == ["input", "plugin", "intent", "confidence", "entities"] })
    }

    @Test func intentsJSONListsEveryExample() throws {
        let result = try run(["intents", "--json"], input: "")
        let lines = try objects(result)
        #expect(lines.count >= 12 * 10)
        #expect(lines.allSatisfy { Set($0.keys) == ["text", "intent", "plugin"] })
    }

    @Test func badUsageExits64() throws {
        let result = try run(["--no-such-flag"], input: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--no-such-flag"))
    }

    @Test func aBadIntentFileExits65WithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "plugin: core\nintents:\n  - id: core.greet\n    exmples: [hi]\n".write(
            to: folder.appendingPathComponent("core.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["--intents", folder.path], input: "hi\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("core.yaml:3:"))
        #expect(result.stderr.contains("missing required field 'examples'"))
    }

    @Test func anotherIntentTableIsUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-alt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "plugin: core\nintents:\n  - id: core.greet\n    description: hello\n    examples: [ahoy there, good day sailor]\n".write(
            to: folder.appendingPathComponent("core.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["intents", "--json", "--intents", folder.path], input: "")
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
    }

    @Test func worksFromAnyDirectory() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["classify"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data("hello\n".utf8))
        try stdin.fileHandleForWriting.close()
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(out.contains("core.greet"))
    }

    @Test func storiesSubcommandCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-story-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.story")
        let bad = folder.appendingPathComponent("bad.story")
        try "> hello\nplugin: core\n".write(to: good, atomically: true, encoding: .utf8)
        try "> hello\nplugin: bath\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try run(["test", good.path, bad.path], input: "")
        #expect(result.lines.last == "1 passed, 1 failed")
        #expect(result.status == 1)
    }

    @Test func hostileInputGetsARepliesAndIsNeverEchoedRaw() throws {
        let input = "\u{1B}[31mmy calves\u{1B}[0m hurt\nwhy\n\u{0}\u{7}\n\u{FF}\u{FE}\n🏃‍♀️🔥\nعضلات الساق تؤلمني\n"
        let result = try run([], input: input)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}[31m"), "an escape sequence from the input reached the terminal")
        #expect(result.stdout.split(separator: "\n", omittingEmptySubsequences: true).count >= 5)
    }

    /// Bytes that are not UTF-8 (a stray Latin-1 byte, a cut multi-byte sequence, an overlong
    /// form, a lone surrogate's encoding) are read as replacement characters: each line still
    /// gets its turn, and the JSON stays valid.
    @Test func invalidUTF8GetsATurnPerLine() throws {
        var input = Data("my calves hurt \u{FF}\n".utf8)
        for bad: [UInt8] in [[0xFF, 0xFE], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80, 0x80, 0x80]] {
            input += Data("sore ".utf8) + Data(bad) + Data(" calves\n".utf8)
        }
        let result = try run(["--json"], bytes: input)
        #expect(result.status == 0)
        let turns = try objects(result)
        #expect(turns.count == 7)
        #expect(turns.allSatisfy { ($0["reply"] as? String)?.isEmpty == false })
    }

    @Test func aVeryLongLineIsCutWithANote() throws {
        let result = try run(["--json"], input: String(repeating: "sore calves ", count: 2000) + "\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("only its first 4000 characters were read"))
        #expect(result.lines.count == 1)
    }

    @Test func manyEmptyLinesAreNoTurns() throws {
        let result = try run(["--json"], input: String(repeating: "\n", count: 100_000) + "hello\n")
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
    }

    /// With --strict a warning is a failure, exit 1. (That the shipped content passes
    /// `check --strict` is checked once, in-process: ContentCheckTests.)
    @Test func checkStrictExits1OnAWarning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("intents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        plugin: answers
        intents:
          - id: answers.calf_sleeves
            knowledge: [areas:calves]
            examples: [do calf sleeves help sore calves, should I wear compression sleeves on my calves]
        """.write(to: folder.appendingPathComponent("intents/sleeves.yaml"), atomically: true, encoding: .utf8)
        let strict = try run(["check", "--strict", "--overlay", folder.path], input: "")
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stderr.contains("intents/sleeves.yaml:3:"))
        #expect(strict.stderr.contains("has 2 examples; give it at least 12"))
        #expect(strict.stderr.hasSuffix("0 errors, 1 warning\n"))
    }

    @Test func checkExits65OnErrorsAndNamesTheLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("intents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "plugin: answers\nintents:\n  - id: answers.x\n    knowledge: [areas:calfs]\n    examples: [a, b]\n".write(
            to: folder.appendingPathComponent("intents/x.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["check", "--overlay", folder.path], input: "")
        #expect(result.status == 65)
        #expect(result.stderr.contains("intents/x.yaml:4:"))
        #expect(result.stderr.contains("did you mean 'calves'?"))
    }

    /// Every start uses the coach compiled into the binary: it answers exactly as the coach
    /// built from the YAML at start-up (`--no-cache`), and nothing is written to the cache folder.
    @Test func theCompiledCoachAnswersAsTheYAMLAndWritesNothing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let lines = "my calves hurt after a 10k\nhow do I do drumming?\nmy calf is swollen and hot\nwhat's the capital of peru\n"
        let compiled = try run(["classify"], input: lines, home: home)
        let fromYAML = try run(["classify", "--no-cache"], input: lines, home: home)
        #expect(compiled.status == 0 && fromYAML.status == 0 && compiled.stderr.isEmpty)
        #expect(compiled.lines.count == 4)
        #expect(compiled.stdout == fromYAML.stdout)
        #expect(!FileManager.default.fileExists(atPath: home + "/cache/rubdown"))
    }
}
