import RubdownKit

#if canImport(Glibc)
    import Glibc
#endif

/// Writes to standard error with write(2). A stderr nobody reads any more is not a reason to
/// stop: unlike FileHandle (which traps on EPIPE once SIGPIPE is handled), this drops the text,
/// and the SIGPIPE its write raises is blocked and consumed, so it neither ends a piped run nor
/// counts as a closed stdout at the prompt.
public enum StandardError {
    /// One warning line, `rubdown: warning: ...`: something went wrong, and the session goes on.
    /// Paths and names in it may come from files or the environment: control characters are shown escaped.
    public static func warn(_ warning: String) { write("rubdown: warning: \(warning.escapingControlCharacters)\n") }

    /// Writes the text; the errno when not all of it could be written (most callers go on
    /// regardless: `check`, whose report is its product, does not).
    @discardableResult
    public static func write(_ text: String) -> Int32? {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var pending = sigset_t()
        sigpending(&pending)
        let alreadyPending = sigismember(&pending, SIGPIPE) == 1
        let failure = PrivateFile.writeAll(STDERR_FILENO, Array(text.utf8))
        if failure == EPIPE, !alreadyPending {
            var noWait = timespec()
            _ = sigtimedwait(&pipeSignal, nil, &noWait)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return failure
    }
}
