/// Where lines come from: GNU readline on a terminal, plain reads from a pipe.
public protocol LineReader {
    /// The next line without its newline, or nil at end of input.
    mutating func readLine() -> String?
    /// Called once when the session ends, to save what must be saved.
    mutating func close()
}

/// Reads piped input: no prompt, each line one turn.
public struct PipeReader: LineReader {
    public init() {}
    public mutating func readLine() -> String? { Swift.readLine(strippingNewline: true) }
    public mutating func close() {}
}
