import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Rubdown in a real pseudo-terminal: a tmux pane on a private server, typed into with
/// `send-keys` and read with `capture-pane`. The pane runs a small shell that records the
/// terminal settings (`stty -g`) before and after the program and its exit status.
final class TerminalPane {
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool { tmux != nil }

    /// Whether the rubdown under test is a ThreadSanitizer build (`swift test --sanitize=thread`,
    /// scripts/sanitizers.sh): asked of the binary itself, which then lists the runtime's flags.
    static let binaryUsesThreadSanitizer: Bool = {
        let process = Process()
        process.executableURL = BinaryTests.binary
        process.arguments = ["--help"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TSAN_OPTIONS": "help=1"]) { $1 }
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.contains("Available flags for ThreadSanitizer")
    }()

    /// Why the tests of a signal at the prompt do not run against a ThreadSanitizer build. GNU
    /// readline waits for a key in pselect(2), which the ThreadSanitizer runtime does not
    /// intercept; the runtime defers a signal that arrives outside an intercepted call to the next
    /// one, so readline sees pselect interrupted with no signal caught, handles the signal only
    /// afterwards (Rubdown's handler does record it) and waits again: the session ends at the next
    /// key press instead of at once. A runtime limitation, not a race; the plain build runs them.
    static let threadSanitizerSkip: Comment =
        "ThreadSanitizer build: its runtime does not intercept pselect(), where readline waits for a key, so a signal there is handled only at the next key"

    let folder: URL
    let historyPath: String
    private let blockedSignals: [Int32]
    private let socket: String
    private let session = "rubdown"

    /// - Parameters:
    ///   - arguments: for rubdown.
    ///   - environment: set for rubdown; HOME is a fresh folder, and RUBDOWN_HISTORY, XDG_STATE_HOME
    ///     and NO_COLOR are unset unless given, so no test touches the real history.
    ///   - historyPath: RUBDOWN_HISTORY; by default a file in the pane's own folder.
    ///   - blockedSignals: signals blocked when rubdown starts (as a careless parent might leave them).
    ///   - homeFiles: files to put in HOME first (path inside HOME: contents).
    ///   - closedStandardError: stderr is a pipe whose reader has gone (`2>&1 | true`).
    init(
        _ arguments: [String] = [], environment: [String: String] = [:], historyPath: String? = nil, width: Int = 80, height: Int = 24,
        blockedSignals: [Int32] = [], homeFiles: [String: String] = [:], closedStandardError: Bool = false
    ) throws {
        self.blockedSignals = blockedSignals
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, contents) in homeFiles {
            let file = folder.appendingPathComponent("home").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file, atomically: false, encoding: .utf8)
        }
        socket = folder.appendingPathComponent("tmux.sock").path
        self.historyPath = historyPath ?? folder.appendingPathComponent("history").path
        var variables = ["HOME": folder.appendingPathComponent("home").path, "RUBDOWN_HISTORY": self.historyPath]
        for (key, value) in environment { variables[key] = value }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let dir = Self.quote(folder.path)
        var command = [BinaryTests.binary.path] + arguments
        if !blockedSignals.isEmpty {
            // perl is in every Debian (perl-base is essential): block, then exec rubdown.
            let block =
                "use POSIX; sigprocmask(SIG_BLOCK, POSIX::SigSet->new(\(blockedSignals.map(String.init).joined(separator: ", ")))) or die; exec @ARGV or die"
            command = ["/usr/bin/perl", "-e", block, "--"] + command
        }
        let program = command.map(Self.quote).joined(separator: " ")
        // trap : INT keeps this shell alive through Ctrl-C; rubdown gets the default action back at exec.
        let launch =
            closedStandardError
            ? "exec 3>&1; { env \(assignments) \(program) 2>&1 1>&3 3>&-; echo $? > \(dir)/status.tmp; } | true; : > \(dir)/stderr; "
            : "env \(assignments) \(program) 2> \(dir)/stderr; echo $? > \(dir)/status.tmp; "
        let script =
            "trap : INT; stty -g > \(dir)/before; unset RUBDOWN_HISTORY XDG_STATE_HOME XDG_CACHE_HOME NO_COLOR; \(launch)"
            + "stty -g > \(dir)/after; mv \(dir)/status.tmp \(dir)/status"
        // remain-on-exit: the screen can still be read once rubdown and the shell have ended.
        try run(
            [
                "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "/bin/sh -c \(Self.quote(script))", ";",
                "set-option", "-g", "remain-on-exit", "on",
            ],
            startsServer: true)
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: typing

    /// Types text literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    /// Presses named keys: "Enter", "Tab", "Up", "C-c", "C-d".
    func press(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Types a line and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// One turn: types a line, waits for `reply` to show and for the prompt to come back.
    func say(_ line: String, expecting reply: String) throws {
        try enter(line)
        try waitFor(reply)
        try waitForPrompt()
    }

    func resize(width: Int, height: Int = 24) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: reading

    /// What the pane shows now, one string per screen row (trailing blanks trimmed). `joined`:
    /// rows that tmux itself wrapped are joined again, so only the program's own line breaks show.
    func screen(joined: Bool = false) throws -> [String] {
        try run(["capture-pane", "-p", "-t", session] + (joined ? ["-J"] : [])).split(separator: "\n", omittingEmptySubsequences: false).map
        {
            String($0.reversed().drop(while: { $0 == " " }).reversed())
        }
    }

    /// What the pane shows now with its colours and attributes, as the escape sequences that
    /// would draw it (`capture-pane -e`).
    func screenWithAttributes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", session])
    }

    /// Waits (polling every 20 ms, up to `timeout`) until the screen satisfies `condition`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var rows = try screen(joined: true)
        while !condition(rows) {
            guard Date() < deadline else { throw Failure("timed out waiting for \(what); the screen:\n" + rows.joined(separator: "\n")) }
            usleep(20_000)
            rows = try screen(joined: true)
        }
        return rows
    }

    /// Waits until `text` is on the screen, whether or not a line break falls inside it.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> [String] {
        let wanted = Self.flatten([text])
        return try waitFor("'\(text)'", timeout: timeout) { Self.flatten($0).contains(wanted) }
    }

    /// Rows as one line of words: Rubdown wraps replies at spaces.
    static func flatten(_ rows: [String]) -> String {
        rows.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Waits until the last non-blank row is the prompt with nothing typed.
    @discardableResult
    func waitForPrompt(timeout: TimeInterval = 10) throws -> [String] {
        try waitFor("an empty prompt", timeout: timeout) { rows in rows.last(where: { !$0.isEmpty }) == ">" }
    }

    /// The rows from the last one holding `text` down to the end.
    func rows(after text: String, joined: Bool = false) throws -> [String] {
        let rows = try screen(joined: joined)
        guard let index = rows.lastIndex(where: { $0.contains(text) }) else { return [] }
        return Array(rows[index...])
    }

    // MARK: the program

    /// Rubdown's process id: the pane shell's child.
    func programPID() throws -> pid_t {
        let shell = try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let shellPID = pid_t(shell), let child = childPIDs(of: shellPID).first else {
            throw Failure("no rubdown process in the pane")
        }
        return child
    }

    /// Waits for rubdown to end; its status as the shell reports it (128 + n for signal n).
    func exitStatus(timeout: TimeInterval = 10) throws -> Int32 {
        let file = folder.appendingPathComponent("status")
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
                let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return status
            }
            usleep(20_000)
        }
        throw Failure("rubdown did not end within \(timeout) s; the screen:\n" + ((try? screen()) ?? []).joined(separator: "\n"))
    }

    /// The terminal settings before and after rubdown (call after it ended).
    func terminalSettings() throws -> (before: String, after: String) {
        (
            try String(contentsOf: folder.appendingPathComponent("before"), encoding: .utf8),
            try String(contentsOf: folder.appendingPathComponent("after"), encoding: .utf8)
        )
    }

    /// What rubdown wrote to stderr (call after it ended).
    func standardError() throws -> String {
        try String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)
    }

    // MARK: helpers

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }

    /// Runs one tmux command. The one that starts the server goes through `CleanProcess` (so the
    /// server, and the shell and rubdown it starts, can be signalled), with /dev/null for its
    /// output and every other descriptor closed: the server would inherit them and keep them open
    /// (among them the one Foundation's Process watches to learn that its child ended).
    @discardableResult
    private func run(_ arguments: [String], startsServer: Bool = false) throws -> String {
        let tmux = [Self.tmux ?? "/usr/bin/tmux", "-S", socket, "-f", "/dev/null"] + arguments
        if startsServer {
            let closeAll = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$@""#
            let status = try CleanProcess("/bin/bash", ["-c", closeAll, "bash"] + tmux).wait()
            guard status == 0 else { throw Failure("tmux new-session failed with status \(status)") }
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux[0])
        process.arguments = Array(tmux.dropFirst())
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("tmux \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
