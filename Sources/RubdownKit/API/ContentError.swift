/// A problem in a content file (intent table or knowledge base), located by file, line and column.
public struct ContentDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int = 1, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// Compiler style, so editors can jump to it: `file:line:col: error: message`.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Every problem found while loading content; loading reports them all at once.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    var diagnostics: [ContentDiagnostic]

    public init(_ diagnostics: [ContentDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Error {
    /// The diagnostics of a `ContentError`, or this error as one diagnostic.
    public var contentDiagnostics: [ContentDiagnostic] {
        (self as? ContentError)?.diagnostics ?? [ContentDiagnostic(file: "rubdown", line: 0, column: 0, message: "\(self)")]
    }
}
