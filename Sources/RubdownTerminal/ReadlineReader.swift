import CReadline
import RubdownKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// GNU readline: line editing, persistent history, Tab completion, Ctrl-C clears the line.
/// SIGTERM, SIGHUP and SIGPIPE end the session like end of input (see `Termination`).
public struct ReadlineReader: LineReader {
    private let prompt: String
    private var history: HistoryFile?
    private var previous: String?

    public static let historyLimit: Int32 = 1000

    /// - Parameters:
    ///   - completions: words Tab completes, one spelling per name (`Completion.words`).
    ///   - historyPath: where history is kept; nil keeps none.
    ///   - adoptsUnmarkedHistory: a text file there without the marker is an older Rubdown's
    ///     history (true at Rubdown's own path; see `HistoryFile`).
    ///   - warn: receives each warning about the history file (at most one per problem).
    public init(
        prompt: String, completions: [String], historyPath: String?, adoptsUnmarkedHistory: Bool = false, warn: @escaping (String) -> Void
    ) {
        self.prompt = prompt
        completionWords.withLock { $0 = completions.sorted() }
        "rubdown".withCString { name in rubdown_set_readline_name(strdup(name)) }
        rubdown_set_completion(complete)
        rubdown_set_catch_signals(1)
        rubdown_set_signal_hook(onSignal)
        installInterruptHandler()
        Termination.install()
        // A parent may have left these blocked (Foundation's Process passes on a libdispatch
        // thread's mask): Ctrl-C, SIGTERM and a resize would then do nothing.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGWINCH] + Termination.signals { sigaddset(&handled, signal) }
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        using_history()
        stifle_history(Self.historyLimit)
        if let historyPath {
            var file = HistoryFile(path: historyPath, limit: Int(Self.historyLimit), adoptsUnmarked: adoptsUnmarkedHistory, warn: warn)
            previous = file.load().last
            history = file
        }
    }

    public mutating func readLine() -> String? {
        while Termination.received == nil {
            interrupted.store(false, ordering: .relaxed)
            guard let raw = readline(prompt) else {
                // Ctrl-D: leave the shell's prompt on a line of its own.
                if Termination.received == nil { StandardOutput.line("") }
                return nil
            }
            defer { free(raw) }
            if Termination.received != nil { break }
            let line = String(cString: raw)
            if interrupted.exchange(false, ordering: .relaxed) { continue }  // Ctrl-C as Enter was pressed
            remember(line)
            return line
        }
        return nil
    }

    /// Adds a line to the history unless it is blank or repeats the previous one. Control
    /// characters are left out, and only what the coach reads is kept.
    private mutating func remember(_ line: String) {
        var kept = String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        if kept.count > Interpreter.maximumLineLength { kept = String(kept.prefix(Interpreter.maximumLineLength)) }
        guard kept.contains(where: { !$0.isWhitespace }), kept != previous else { return }
        previous = kept
        if history != nil {
            history!.record(kept)
        } else {
            add_history(kept)
        }
    }

    public mutating func close() {
        history?.close()
    }
}

// MARK: C callbacks: they cannot capture context, so their state lives in synchronised globals.

private let completionWords = Mutex<[String]>([])
private let interrupted = Atomic<Bool>(false)

private func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rubdown_set_completion_over(1)  // no filename completion
    return rl_completion_matches(text, generate)
}

private func generate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let typed = text.map { String(cString: $0) } ?? ""
    let matches = completionWords.withLock { words in Completion.matches(typed, in: words) }
    let index = Int(state)
    guard index < matches.count else { return nil }
    return strdup(matches[index])
}

private func onSignal() -> Int32 {
    // Reset here: the line typed after Ctrl-C is a line like any other.
    if interrupted.exchange(false, ordering: .relaxed) {
        // Ctrl-C: drop the half-typed line, keep the conversation (and any pending question).
        rl_replace_line("", 0)
        rl_crlf()
        rl_on_new_line()
        rl_redisplay()
    }
    return 0
}

private func installInterruptHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interrupted.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART, so readline sees the interruption
    sigaction(SIGINT, &action, nil)
}
