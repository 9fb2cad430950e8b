import ArgumentParser
import RubdownTerminal

extension ExitCode {
    /// The exit code for one of Rubdown's named statuses (`ExitStatus`, in RubdownTerminal):
    /// `throw ExitCode(.dataError)`, never a bare number.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
