import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a process with a clean signal state: nothing blocked, default actions.
///
/// Foundation's `Process` passes on the signal mask of the thread that starts it, and the test
/// threads (libdispatch workers) block SIGHUP, SIGINT, SIGTERM and more. A child started that way
/// cannot be interrupted or terminated, nor can a tmux server and everything it starts, so the
/// signal tests start their processes through this instead.
struct CleanProcess {
    let pid: pid_t

    /// The signals reset to their default action in the child.
    /// SIGXFSZ among them: a test in this process may have ignored it (`PrivateFile` does), and an
    /// ignored signal stays ignored across exec, which would hide what `ulimit -f` does to a child.
    static let resetSignals: [Int32] = [
        SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGXFSZ,
    ]

    /// - Parameters:
    ///   - standardInput, standardOutput, standardError: descriptors for the child's 0, 1 and 2
    ///     (nil: /dev/null).
    init(
        _ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        standardInput: Int32? = nil, standardOutput: Int32? = nil, standardError: Int32? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, source) in [(Int32(0), standardInput), (1, standardOutput), (2, standardError)] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in Self.resetSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(path): \(String(cString: strerror(status)))"])
        }
        self.pid = pid
    }

    /// Waits for the process; its exit code, or 128 + n when signal n ended it (as a shell says).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return Self.shellStatus(status)
    }

    /// Waits at most `seconds`; nil when the process had not ended by then (it is then killed,
    /// with its children, so a hang fails the test instead of stopping the run).
    func wait(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return Self.shellStatus(status) }
            if done < 0, errno != EINTR { return nil }
            usleep(10_000)
        }
        for child in childPIDs(of: pid, waiting: 0) { kill(child, SIGKILL) }
        kill(pid, SIGKILL)
        _ = wait()
        return nil
    }

    static func shellStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// A pipe whose ends are closed on exec (the child gets a dup2'ed copy).
struct ClosingPipe {
    let read: Int32, write: Int32
    init() {
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        read = ends[0]
        write = ends[1]
    }
}
