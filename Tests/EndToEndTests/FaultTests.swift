import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The runner's files and streams under faults, each made as it would happen (issue 15): real
/// concurrent processes, `/dev/full`, a closed descriptor, `ulimit -f`, `umask 000`, a FIFO, an
/// alias bomb, a relative XDG path, hostile names. Every run goes through `sh -c` with a fresh
/// home, and is killed after a deadline, so a hang fails the test instead of stopping the run.
@Suite struct FaultTests {
    /// A fresh home folder for one test, removed afterwards.
    final class Home: @unchecked Sendable {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-fault-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        var state: String { path + "/state/rubdown" }
        var journal: String { state + "/journal.json" }
        func file(_ relative: String) -> String { path + "/" + relative }

        func write(_ text: String, to relative: String, mode: mode_t = 0o600) throws {
            let target = file(relative)
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: target, atomically: false, encoding: .utf8)
            chmod(target, mode)
        }

        func read(_ relative: String) -> String? {
            FileManager.default.contents(atPath: file(relative)).map { String(decoding: $0, as: UTF8.self) }
        }

        /// The names in the state folder, apart from the journal and its lock.
        var strayStateFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).filter {
                !["journal.json", "journal.json.lock"].contains($0)
            }
        }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The lines of standard error.
        var errors: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    struct Hang: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `sh -c script` with `$0` the rubdown binary, standard input from `input`, standard
    /// output and error into files, and the home's folders as HOME and XDG_*.
    static func start(
        _ script: String, input: String = "", home: Home, environment: [String: String] = [:], directory: String? = nil
    ) throws -> (process: CleanProcess, output: String, errors: String) {
        let tag = UUID().uuidString
        let inputPath = home.file(".in-\(tag)")
        let output = home.file(".out-\(tag)")
        let errors = home.file(".err-\(tag)")
        try input.write(toFile: inputPath, atomically: false, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        for name in ["RUBDOWN_HISTORY", "NO_COLOR", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"] { env[name] = nil }
        env["HOME"] = home.path
        env["XDG_STATE_HOME"] = home.file("state")
        env["XDG_CONFIG_HOME"] = home.file("config")
        env["XDG_CACHE_HOME"] = home.file("cache")
        for (key, value) in environment { env[key] = value }
        let inFD = open(inputPath, O_RDONLY | O_CLOEXEC)
        let outFD = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errFD = open(errors, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { for fd in [inFD, outFD, errFD] { close(fd) } }
        let prefix = directory.map { "cd " + TerminalPane.quote($0) + " && " } ?? ""
        let process = try CleanProcess(
            "/bin/sh", ["-c", prefix + script, BinaryTests.binary.path], environment: env, standardInput: inFD, standardOutput: outFD,
            standardError: errFD)
        return (process, output, errors)
    }

    /// Runs `sh -c script` (see `start`) and waits at most `seconds`.
    static func shell(
        _ script: String, input: String = "", home: Home, environment: [String: String] = [:], directory: String? = nil,
        seconds: Double = 60
    ) throws -> Run {
        let started = try start(script, input: input, home: home, environment: environment, directory: directory)
        guard let status = started.process.wait(seconds: seconds) else {
            throw Hang(description: "`\(script)` did not end within \(Int(seconds)) s: it hangs")
        }
        return finish(status, started.output, started.errors)
    }

    static func finish(_ status: Int32, _ output: String, _ errors: String) -> Run {
        defer {
            unlink(output)
            unlink(errors)
        }
        func text(_ path: String) -> String { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return Run(status: status, stdout: text(output), stderr: text(errors))
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    /// A conversation that ends in an assessment of the calves, so a consenting journal gets an entry.
    static let intake = "my calves hurt after a 10k yesterday\nno\ndull\n3\nsame\n"

    static var iso: ISO8601DateFormatter { ISO8601DateFormatter() }

    /// A journal file's text: consent given, these entries (date, areas).
    static func journal(_ entries: [(Date, [String])]) -> String {
        let items = entries.map { date, areas in
            let names = areas.map {
                "\""
                    + $0.unicodeScalars.map {
                        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? String(format: "\\u%04X", $0.value) : String($0)
                    }.joined() + "\""
            }
            return "{\"date\": \"\(iso.string(from: date))\", \"areas\": [\(names.joined(separator: ","))], \"level\": \"self-care\"}"
        }
        return "{\"consent\": true, \"entries\": [\(items.joined(separator: ",\n"))]}"
    }

    static func entries(inJournalAt path: String) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: path), "no journal at \(path)")
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["entries"] as? [[String: Any]])
    }

    // MARK: 1-2. The journal

    /// Twenty conversations that consent at the same time: every one of them is kept (each
    /// save re-reads the journal under a lock and adds its own entry).
    @Test func twentyConsentingSessionsAtOnceKeepTwentyEntries() throws {
        let home = try Home()
        let runs = try (0..<20).map { _ in try Self.start(#"exec "$0""#, input: Self.intake + "yes\n", home: home) }
        for run in runs {
            let status = run.process.wait(seconds: 120)
            let result = Self.finish(status ?? -1, run.output, run.errors)
            #expect(status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
        #expect(try Self.entries(inJournalAt: home.journal).count == 20)
        #expect(Self.mode(home.journal) == 0o600)
        #expect(home.strayStateFiles.isEmpty, "left behind: \(home.strayStateFiles)")
    }

    /// A journal that cannot be read (a FIFO where the file should be, and for a user other than
    /// root a file without read permission) is set aside under a timestamped name with one
    /// warning, never replaced, and the start never blocks on it.
    @Test func aJournalThatCannotBeReadIsSetAsideNotReplaced() throws {
        let home = try Home()
        try FileManager.default.createDirectory(atPath: home.state, withIntermediateDirectories: true)
        #expect(mkfifo(home.journal, 0o600) == 0)
        let run = try Self.shell(#"exec "$0""#, input: Self.intake + "yes\n", home: home, seconds: 30)
        #expect(run.status == 0)
        #expect(run.errors.count == 1, "\(run.errors)")
        #expect(run.stderr.contains("is not a regular file; it is set aside as \(home.journal).damaged-"))
        let aside = try #require(home.strayStateFiles.first { $0.hasPrefix("journal.json.damaged-") })
        var info = stat()
        #expect(lstat(home.state + "/" + aside, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was not kept")
        #expect(try Self.entries(inJournalAt: home.journal).count == 1)

        guard geteuid() != 0 else { return }  // root reads any file
        let other = try Home()
        try other.write("{\"consent\": true, \"entries\": []}", to: "state/rubdown/journal.json", mode: 0o000)
        let second = try Self.shell(#"exec "$0""#, input: Self.intake, home: other, seconds: 30)
        #expect(second.status == 0)
        #expect(second.stderr.contains("cannot be read"))
        let unreadable = try #require(other.strayStateFiles.first { $0.hasPrefix("journal.json.damaged-") })
        chmod(other.state + "/" + unreadable, 0o600)
        #expect(other.read("state/rubdown/" + unreadable) == "{\"consent\": true, \"entries\": []}")
    }

    /// Under `ulimit -f` too small for the journal, the save fails with EFBIG (SIGXFSZ is
    /// ignored): one warning naming the file and the limit, the journal as it was, no
    /// temporary file left, and the conversation ends normally.
    @Test func aFileSizeLimitIsOneWarningAndLeavesNothingBehind() throws {
        let home = try Home()
        let now = Date()
        let original = Self.journal((0..<20).map { (now.addingTimeInterval(Double($0 - 20) * 3_600), ["calves"]) })
        try home.write(original, to: "state/rubdown/journal.json")
        let run = try Self.shell(#"ulimit -f 1; exec "$0" > /dev/null"#, input: Self.intake, home: home)
        #expect(run.status == 0, "ended by signal \(run.status - 128)? \(run.stderr)")
        #expect(run.errors.count == 1, "\(run.errors)")
        #expect(run.stderr.hasPrefix("rubdown: warning: could not save the journal to \(home.journal): File too large"))
        #expect(run.stderr.contains("ulimit -f"))
        #expect(home.read("state/rubdown/journal.json") == original)
        #expect(home.strayStateFiles.isEmpty, "left behind: \(home.strayStateFiles)")
    }

    /// A journal others can read (an older Rubdown's, a copy) is made 0600 at the next start;
    /// under `umask 000` a new journal, its lock and its folder are private all the same.
    @Test func theJournalIsPrivateWhateverTheUmaskOrItsOldMode() throws {
        let home = try Home()
        try home.write(Self.journal([(Date(), ["calves"])]), to: "state/rubdown/journal.json", mode: 0o644)
        let run = try Self.shell(#"exec "$0""#, input: "hello\n", home: home)
        #expect(run.status == 0)
        #expect(Self.mode(home.journal) == 0o600)

        let fresh = try Home()
        let consent = try Self.shell(#"umask 000; exec "$0""#, input: Self.intake + "yes\n", home: fresh)
        #expect(consent.status == 0)
        #expect(Self.mode(fresh.journal) == 0o600)
        #expect(Self.mode(fresh.journal + ".lock") == 0o600)
        #expect(Self.mode(fresh.state) == 0o700)
    }

    /// Entries are pruned (at most 500, none older than about a year); an entry dated in the
    /// future reads as today, never "-171 days ago"; a date in another year shows its year.
    @Test func oldEntriesArePrunedAndDatesReadSensibly() throws {
        let home = try Home()
        let now = Date()
        let calendar = Calendar.current
        let newYear = calendar.date(from: calendar.dateComponents([.year], from: now))!
        let lastYear = calendar.date(byAdding: .hour, value: -12, to: newYear)!  // noon on 31 December
        var entries: [(Date, [String])] = (0..<3).map { _ in (now.addingTimeInterval(-730 * 86_400), ["knees"]) }
        entries += (0..<600).map { (now.addingTimeInterval(-Double(300 - $0 / 2) * 86_400), ["quads"]) }
        entries.append((lastYear, ["hips"]))
        entries.append((now.addingTimeInterval(171 * 86_400), ["calves"]))
        try home.write(Self.journal(entries), to: "state/rubdown/journal.json")
        let run = try Self.shell(#"exec "$0""#, input: "journal\n" + Self.intake, home: home)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Welcome back. Earlier today your calves were sore."), "\(run.stdout.prefix(200))")
        #expect(!run.stdout.contains("-171"))
        let year = DateFormatter()
        year.dateFormat = "EEE d MMM yyyy"
        #expect(run.stdout.contains("- \(year.string(from: lastYear)): hips"))
        let thisYear = DateFormatter()
        thisYear.dateFormat = "EEE d MMM"
        #expect(run.stdout.contains("- \(thisYear.string(from: now)): calves"))
        let kept = try Self.entries(inJournalAt: home.journal)
        #expect(kept.count == 500)
        let dates = kept.compactMap { ($0["date"] as? String).flatMap(Self.iso.date(from:)) }
        #expect(dates.count == 500)
        #expect(dates.allSatisfy { now.timeIntervalSince($0) < 367 * 86_400 && $0 <= Date() })
    }

    // MARK: 4. Output errors are errors

    /// Every command's output to a full disk, a closed descriptor or past `ulimit -f`: exit 74
    /// and one line on standard error, never exit 0 with the output lost.
    @Test func everyCommandEndsWith74WhenItsOutputCannotBeWritten() throws {
        let home = try Home()
        try home.write("> hello\nplugin: core\n", to: "hello.story")
        try home.write("{\"text\": \"my calves hurt\", \"plugin\": \"triage\"}\n", to: "set.jsonl")
        let commands = [
            "classify", "classify --explain", "intents", "intents --json", "eval \(home.file("set.jsonl"))",
            "test \(home.file("hello.story"))",
            "", "--json",
        ]
        for command in commands {
            let run = try Self.shell(#"exec "$0" \#(command) > /dev/full"#, input: "my calves hurt\nno\n", home: home)
            #expect(run.status == 74, "rubdown \(command) > /dev/full: \(run.status)")
            #expect(run.errors == ["rubdown: error: cannot write the output: No space left on device"], "rubdown \(command)")
        }
        let closed = try Self.shell(#"exec "$0" classify >&-"#, input: "hello\n", home: home)
        #expect(closed.status == 74)
        #expect(closed.errors == ["rubdown: error: cannot write the output: Bad file descriptor"])
        // check's report is on standard error: when that is full, it is check's output that is lost.
        let check = try Self.shell(#"exec "$0" check 2> /dev/full"#, home: home)
        #expect(check.status == 74)
        let limited = try Self.shell(
            #"ulimit -f 1; exec "$0" classify > "$HOME/out.jsonl""#, input: String(repeating: "my calves hurt\n", count: 200), home: home)
        #expect(limited.status == 74, "ended by signal \(limited.status - 128)?")
        #expect(limited.errors == ["rubdown: error: cannot write the output: File too large"])
    }

    // MARK: 5. --save-plan

    /// The plan is private (0600), replaces only a plan Rubdown wrote (or anything with
    /// --force), is not written when there is no plan, and a save that fails exits 74.
    @Test func savePlanRespectsTheRunnersFiles() throws {
        let home = try Home()
        let notes = home.file("notes.md")
        try home.write("my own notes\n", to: "notes.md", mode: 0o644)
        let refused = try Self.shell(#"exec "$0" --save-plan "$HOME/notes.md""#, input: Self.intake, home: home)
        #expect(refused.status == 64)
        #expect(refused.errors.count == 1)
        #expect(refused.stderr.contains("\(notes) already exists and is not a plan Rubdown wrote"))
        #expect(home.read("notes.md") == "my own notes\n")
        #expect(Self.mode(notes) == 0o644)

        let forced = try Self.shell(#"exec "$0" --save-plan "$HOME/notes.md" --force"#, input: Self.intake, home: home)
        #expect(forced.status == 0)
        #expect(home.read("notes.md")?.hasPrefix("# Your post-run recovery plan\n") == true)
        #expect(Self.mode(notes) == 0o600)

        chmod(notes, 0o644)  // a plan of ours, made readable by others since: replaced, and private again
        let again = try Self.shell(#"exec "$0" --save-plan "$HOME/notes.md""#, input: Self.intake, home: home)
        #expect(again.status == 0)
        #expect(Self.mode(notes) == 0o600)

        let bare = try Self.shell(#"exec "$0" --save-plan "$HOME/empty.md""#, input: "quit\n", home: home)
        #expect(bare.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home.file("empty.md")))
        #expect(bare.stderr.contains("no plan to save"))

        try home.write("a file, not a folder", to: "a-file")
        let failed = try Self.shell(#"exec "$0" --save-plan "$HOME/a-file/plan.md""#, input: Self.intake, home: home)
        #expect(failed.status == 74)
        #expect(failed.errors.count == 1)
        #expect(failed.stderr.hasPrefix("rubdown: error: could not save the plan to \(home.file("a-file/plan.md")): Not a directory"))
    }

    // MARK: 6. No hang from content

    /// A 455-byte file of nested anchors and aliases, the last one a mapping key, stands for a
    /// key of 9^9 scalars, which Yams' duplicate-key check hashes in full: more than 30 s with
    /// the code before issue 15. In an overlay, or in the runner's configuration folder (read at
    /// every start), it is refused at once with its file and line.
    @Test func anAliasBombIsRefusedAtOnce() throws {
        var lines = [#"a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for depth in 1...8 {
            lines.append("a\(depth): &a\(depth) [" + Array(repeating: "*a\(depth - 1)", count: 9).joined(separator: ",") + "]")
        }
        lines.append("areas:\n  ? *a8\n  : one")
        let bomb = lines.joined(separator: "\n") + "\n"
        let home = try Home()
        try home.write(bomb, to: "overlay/knowledge/areas.yaml")
        let overlay = try Self.shell(#"exec "$0" classify --overlay "$HOME/overlay""#, input: "hello\n", home: home, seconds: 20)
        #expect(overlay.status == 65)
        #expect(overlay.stderr.contains("overlay/knowledge/areas.yaml:1:5: error: YAML anchors (&name) are not allowed"))
        try home.write(bomb, to: "config/rubdown/knowledge/areas.yaml")
        let everyStart = try Self.shell(#"exec "$0" classify"#, input: "hello\n", home: home, seconds: 20)
        #expect(everyStart.status == 65)
        #expect(everyStart.stderr.contains("config/rubdown/knowledge/areas.yaml:1:5: error:"))
    }

    /// A FIFO named like a content file in the configuration folder (read at every start): an
    /// error with its name, not a start that waits for ever.
    @Test func aFIFODoesNotBlockTheStart() throws {
        let home = try Home()
        try FileManager.default.createDirectory(atPath: home.file("config/rubdown/knowledge"), withIntermediateDirectories: true)
        #expect(mkfifo(home.file("config/rubdown/knowledge/areas.yaml"), 0o600) == 0)
        let content = try Self.shell(#"exec "$0" classify"#, input: "my calves hurt\n", home: home, seconds: 30)
        #expect(content.status == 65)
        #expect(content.stderr.contains("config/rubdown/knowledge/areas.yaml:0:0: error: not a regular file"))
    }

    // MARK: 7. Safety cannot be configured away by accident

    /// A knowledge folder without red flags would answer "swollen and hot and short of breath"
    /// with the out-of-scope reply: it is an error, in every command and in `check` without
    /// --strict, unless --allow-no-red-flags says it is deliberate. A missing --overlay is a
    /// usage error, like a missing --knowledge.
    @Test func noRedFlagsOrAMissingOverlayIsAnError() throws {
        let home = try Home()
        try FileManager.default.createDirectory(atPath: home.file("empty"), withIntermediateDirectories: true)
        let line = "my calf is swollen and hot and I'm short of breath\n"
        let chat = try Self.shell(#"exec "$0" --knowledge "$HOME/empty""#, input: line, home: home)
        #expect(chat.status == 65)
        #expect(chat.stderr.contains("the knowledge base has no red flags"))
        #expect(chat.stdout.isEmpty)
        let check = try Self.shell(#"exec "$0" check --knowledge "$HOME/empty""#, home: home)
        #expect(check.status == 65)
        #expect(check.stderr.contains("\(home.file("empty"))/red-flags.yaml:1:1: error: the knowledge base has no red flags"))
        let allowed = try Self.shell(#"exec "$0" --knowledge "$HOME/empty" --allow-no-red-flags"#, input: line, home: home)
        #expect(allowed.status == 0)
        for command in ["", "check", "classify"] {
            let missing = try Self.shell(#"exec "$0" \#(command) --overlay "$HOME/no-such-folder""#, input: "hello\n", home: home)
            #expect(missing.status == 64, "rubdown \(command)")
            #expect(missing.stderr.contains("--overlay \(home.file("no-such-folder")): no such folder"))
        }
    }

    // MARK: 8. Paths and the terminal

    /// Relative XDG variables are ignored, as the specification says: the journal goes to
    /// ~/.local/state, the overlay is not read from a folder relative to wherever Rubdown was
    /// started, and nothing is written there.
    @Test func relativeXDGVariablesAreIgnored() throws {
        let home = try Home()
        let here = home.file("somewhere")
        try home.write("not: [valid yaml\n", to: "somewhere/config-rel/rubdown/knowledge/areas.yaml")
        let run = try Self.shell(
            #"exec "$0""#, input: Self.intake + "yes\n", home: home,
            environment: ["XDG_STATE_HOME": "state-rel", "XDG_CONFIG_HOME": "config-rel", "XDG_CACHE_HOME": "cache-rel"], directory: here)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.entries(inJournalAt: home.file(".local/state/rubdown/journal.json")).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: here) == ["config-rel"])
    }

    /// Area ids from the journal and content file names may hold escape sequences: shown
    /// escaped, never raw, in replies, JSON and diagnostics.
    @Test func stringsFromFilesNeverReachTheTerminalRaw() throws {
        let home = try Home()
        try home.write(
            Self.journal([(Date(), ["calves\u{1B}]0;owned\u{7}", "\u{1B}[2J\u{9B}31m"])]), to: "state/rubdown/journal.json")
        let text = try Self.shell(#"exec "$0""#, input: "journal\n", home: home)
        #expect(text.status == 0)
        #expect(text.stdout.contains("journal"))
        #expect(
            !text.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B },
            "\(text.stdout.debugDescription)")
        #expect(text.stdout.contains("\\x1B]0;owned\\x07"))
        let json = try Self.shell(#"exec "$0" --json"#, input: "journal\n", home: home)
        #expect(!json.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B }, "\(json.stdout.debugDescription)")
        #expect(json.stdout.contains("\\u009B"))

        try home.write("sources: []\n", to: "overlay/knowledge/x\u{1B}[31mred\u{1B}[0m.yaml")
        let named = try Self.shell(#"exec "$0" check --overlay "$HOME/overlay""#, home: home)
        #expect(named.status == 65)
        #expect(named.stderr.contains("x\\x1B[31mred\\x1B[0m.yaml:1:1: error: unknown knowledge file"))
        #expect(!named.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }
}
