import RubdownKit

#if canImport(Glibc)
    import Glibc
#endif

/// How output looks: colour only on a terminal, never with NO_COLOR or TERM=dumb; replies wrapped
/// to the width; control characters in what is shown escaped (see `escapingControlCharacters`).
/// The only place Rubdown writes terminal escape sequences.
public struct TerminalStyle: Sendable {
    var colour: Bool
    /// Width to wrap at; nil: do not wrap (pipes).
    var width: Int?

    public init(colour: Bool, width: Int?) {
        self.colour = colour
        self.width = width
    }

    /// Detected from the environment and the file descriptor.
    public static func detect(fileDescriptor: Int32 = STDOUT_FILENO) -> TerminalStyle {
        let tty = isatty(fileDescriptor) == 1
        return TerminalStyle(colour: colourWanted(fileDescriptor: fileDescriptor), width: tty ? currentWidth(fileDescriptor) : nil)
    }

    /// Colour on this descriptor: only a terminal, and not when `NO_COLOR` is set (to anything
    /// but empty) or `TERM` is `dumb` (a terminal that cannot show it).
    public static func colourWanted(fileDescriptor: Int32, environment: [String: String]? = nil) -> Bool {
        func variable(_ name: String) -> String? {
            if let environment { return environment[name] }
            return getenv(name).map { String(cString: $0) }
        }
        guard isatty(fileDescriptor) == 1 else { return false }
        if let noColour = variable("NO_COLOR"), !noColour.isEmpty { return false }
        return variable("TERM") != "dumb"
    }

    /// The terminal's current width, read each time so a resize rewraps the next reply.
    public static func currentWidth(_ fileDescriptor: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Lines longer than this are hard to read however wide the terminal is.
    public static let readableWidth = 100

    func wrapped(_ text: String) -> String {
        let text = text.escapingControlCharacters
        return width.map { Wrapper.wrap(text, width: min(Self.readableWidth, max(20, $0 - 1))) } ?? text
    }

    /// The SGR (Select Graphic Rendition) attributes Rubdown uses.
    enum Attribute: String {
        case reset = "0"
        case bold = "1"
        case dim = "2"
        case red = "31"
        case yellow = "33"
        case cyan = "36"
        case boldRed = "1;31"
        var escape: String { "\u{1B}[\(rawValue)m" }
    }

    /// The text in `attribute` when colour is on, else as it is.
    func painted(_ text: String, _ attribute: Attribute) -> String {
        colour ? attribute.escape + text + Attribute.reset.escape : text
    }

    public func reply(_ text: String) -> String { painted(wrapped(text), .cyan) }

    public func note(_ text: String) -> String { painted(wrapped(text), .dim) }

    /// A warning sign: bold red on a terminal, so it stands out from ordinary advice.
    public func urgent(_ text: String) -> String { painted(wrapped(text), .boldRed) }

    /// The prompt; readline is told (\u{01}...\u{02}) that the escapes take no room on the line.
    public var prompt: String { colour ? "\u{01}" + Attribute.bold.escape + "\u{02}> \u{01}" + Attribute.reset.escape + "\u{02}" : "> " }

    /// A compiler-style diagnostic line, `file:line:col: error: message`, with its severity in
    /// red (error) or yellow (warning) and control characters in the file name and message escaped.
    public func diagnostic(_ diagnostic: ContentDiagnostic) -> String {
        let severity = diagnostic.severity.rawValue + ":"
        return "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): ".escapingControlCharacters
            + painted(severity, diagnostic.severity == .error ? .red : .yellow) + " " + diagnostic.message.escapingControlCharacters
    }
}

/// Word wrapping that keeps list indentation, so numbered steps stay readable.
public enum Wrapper {
    public static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let indentCount = line.prefix { $0 == " " }.count
        // Continuation lines of "  1. step" or "- item" align under the text.
        var hanging = indentCount
        let rest = line.dropFirst(indentCount)
        if let marker = rest.split(separator: " ", maxSplits: 1).first,
            marker == "-" || (marker.last == "." && marker.dropLast().allSatisfy(\.isNumber))
        {
            hanging += marker.count + 1
        }
        var lines: [String] = []
        var current = String(line.prefix(indentCount))
        var currentLength = indentCount
        for word in rest.split(separator: " ") {
            let needsSpace = currentLength > (lines.isEmpty ? indentCount : hanging)
            if currentLength + (needsSpace ? 1 : 0) + word.count > width, needsSpace {
                lines.append(current)
                current = String(repeating: " ", count: hanging) + word
                currentLength = hanging + word.count
            } else {
                current += (needsSpace ? " " : "") + word
                currentLength += (needsSpace ? 1 : 0) + word.count
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
