import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What one child process cost: wall time from spawn to exit, and its peak resident set.
struct ChildRun {
    var wallNs: UInt64
    var maxRSSKiB: Int
    var status: Int32
}

/// Runs `argv` with standard input read from `stdinPath` and standard output written to
/// `stdoutPath` (or /dev/null; `"-"` sends it to this process's standard error), and waits
/// for it. Standard error is kept.
func spawnAndWait(_ argv: [String], stdinPath: String, stdoutPath: String = "/dev/null", environment: [String]? = nil) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    if stdoutPath == "-" {
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }

    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = (environment ?? ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }).map { strdup($0) } + [nil]
    defer {
        for pointer in cArguments { free(pointer) }
        for pointer in cEnvironment { free(pointer) }
    }
    var pid: pid_t = 0
    let start = now()
    let error = posix_spawnp(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
    guard error == 0 else { fail("cannot start \(argv[0]): \(String(cString: strerror(error)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { fail("wait4 failed for \(argv[0])") }
    }
    let wall = now() - start
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ChildRun(wallNs: wall, maxRSSKiB: Int(usage.ru_maxrss), status: exitStatus)
}

/// The path of this executable, to run parts of the benchmark in fresh processes.
func selfExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}
