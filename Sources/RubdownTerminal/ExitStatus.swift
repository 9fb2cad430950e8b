/// Every exit status Rubdown ends with, named in this one place (README, "Exit codes"). The
/// numbers above 1 are the BSD sysexits ones a shell script may already know.
public enum ExitStatus: Int32, Sendable {
    /// Done; also end of input in the middle of a question.
    case success = 0
    /// Failed stories, a missed accuracy gate (`eval --min-accuracy`), warnings with `check --strict`.
    case failure = 1
    /// Bad command-line usage (EX_USAGE); also a missing `--overlay` folder, and `--save-plan`
    /// naming a file that is not a plan, without `--force`.
    case usage = 64
    /// A bad data file (EX_DATAERR): content, evaluation lines, content without red flags.
    case dataError = 65
    /// An I/O error (EX_IOERR): a file to read that cannot be read, a plan that cannot be saved,
    /// output that cannot be written.
    case ioError = 74

    /// The status of a process ended by `signal`, as a shell reports it: 128 + n (SIGHUP 129,
    /// SIGINT 130, SIGPIPE 141, SIGTERM 143).
    public static func endedBySignal(_ signal: Int32) -> Int32 { 128 + signal }
}
