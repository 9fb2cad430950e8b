#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard error with write(2). A stderr nobody reads any more is not a reason to
/// stop: unlike FileHandle (which traps on EPIPE once SIGPIPE is handled), this drops the text,
/// and the SIGPIPE its write raises is blocked and consumed, so it neither ends a piped run nor
/// counts as a closed stdout at the prompt.
public enum StandardError {
    /// One warning line, `rubdown: warning: ...`: something went wrong, and the session goes on.
    public static func warn(_ warning: String) { write("rubdown: warning: \(warning)\n") }

    public static func write(_ text: String) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var pending = sigset_t()
        sigpending(&pending)
        let alreadyPending = sigismember(&pending, SIGPIPE) == 1
        var broken = false
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EPIPE { broken = true }
            if count <= 0 { break }
            bytes = bytes.dropFirst(count)
        }
        if broken, !alreadyPending {
            var noWait = timespec()
            _ = sigtimedwait(&pipeSignal, nil, &noWait)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
