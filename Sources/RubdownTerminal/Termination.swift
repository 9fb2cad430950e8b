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
        _exit(ExitStatus.endedBySignal(signal))  // not reached
    }
}

private let caughtSignal = Atomic<Int32>(0)
