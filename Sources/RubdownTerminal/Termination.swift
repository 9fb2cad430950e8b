import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGHUP and SIGPIPE during an interactive session: the handler only records the signal;
/// the reader then ends the session as at end of input, the history is saved, and `finish()` lets
/// the process die of the same signal, so the parent (a shell, a terminal that was closed, a
/// pipeline whose reader went away) sees the usual status: 143, 129, 141.
///
/// Installed only at a terminal. Through a pipe the defaults stay: SIGINT and SIGTERM end at once
/// (there is no history to save), and a closed stdout ends the process quietly by SIGPIPE, exactly
/// like `cat` or `grep` at the head of a `| head -1`, with no "broken pipe" message.
public enum Termination {
    /// The signals that end an interactive session after its history is saved.
    public static let signals: [Int32] = [SIGTERM, SIGHUP, SIGPIPE]

    /// Installs the recording handler for `signals`.
    public static func install() {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in caughtSignal.store(received, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns, and readline notices
            sigaction(signal, &action, nil)
        }
    }

    /// The terminating signal received, if any.
    public static var received: Int32? {
        let signal = caughtSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// After the session has saved what it must: if a terminating signal arrived, die of it now.
    public static func finish() {
        guard let signal = received else { return }
        fflush(nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signal)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        raise(signal)
        _exit(128 + signal)  // not reached
    }
}

private let caughtSignal = Atomic<Int32>(0)

/// Writes to standard error with write(2). A stderr nobody reads any more is not a reason to
/// stop: unlike FileHandle (which traps on EPIPE once SIGPIPE is handled), this drops the text,
/// and the SIGPIPE its write raises is blocked and consumed, so it neither ends a piped run nor
/// counts as a closed stdout at the prompt.
public enum StandardError {
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
