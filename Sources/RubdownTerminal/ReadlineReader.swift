import CReadline
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// GNU readline: line editing, persistent history, Tab completion, Ctrl-C clears the line.
public struct ReadlineReader: LineReader {
    private let prompt: String
    private let historyPath: String?
    private var previous: String?
    public private(set) var warnings: [String] = []

    public static let historyLimit: Int32 = 1000

    /// - Parameters:
    ///   - completions: words Tab completes (commands, areas, techniques).
    ///   - historyPath: where history is kept; nil keeps none.
    public init(prompt: String, completions: [String], historyPath: String?) {
        self.prompt = prompt
        self.historyPath = historyPath
        completionWords.withLock { $0 = completions.sorted() }
        "rubdown".withCString { name in rubdown_set_readline_name(strdup(name)) }
        rubdown_set_completion(complete)
        rubdown_set_catch_signals(1)
        rubdown_set_signal_hook(onSignal)
        installInterruptHandler()
        using_history()
        stifle_history(Self.historyLimit)
        if let historyPath { warnings += History.prepare(historyPath) }
        if let historyPath { _ = read_history(historyPath) }
    }

    public mutating func readLine() -> String? {
        while true {
            interrupted.store(false, ordering: .relaxed)
            guard let raw = readline(prompt) else { return nil }
            defer { free(raw) }
            let line = String(cString: raw)
            if interrupted.load(ordering: .relaxed) { continue }
            if line.contains(where: { !$0.isWhitespace }), line != previous {
                add_history(line)
                previous = line
            }
            return line
        }
    }

    public mutating func close() {
        guard let historyPath else { return }
        if write_history(historyPath) != 0 {
            warnings.append("could not save history to \(historyPath)")
        } else {
            _ = history_truncate_file(historyPath, Self.historyLimit)
            _ = chmod(historyPath, 0o600)
        }
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
    let prefix = text.map { String(cString: $0).lowercased() } ?? ""
    let matches = completionWords.withLock { words in words.filter { $0.hasPrefix(prefix) } }
    let index = Int(state)
    guard index < matches.count else { return nil }
    return strdup(matches[index])
}

private func onSignal() -> Int32 {
    if interrupted.load(ordering: .relaxed) {
        // Ctrl-C: drop the half-typed line, keep the conversation.
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
