import RubdownKit

#if canImport(Glibc)
    import Glibc
#endif

/// Everything Rubdown prints on standard output goes through here, with write(2), and every
/// write is checked: output that cannot be written (a full disk, `/dev/full`, an I/O error, a
/// file over `ulimit -f`, a closed descriptor) ends the program with `ExitStatus.ioError` (74) and one line on
/// standard error, instead of losing the rest silently with exit 0.
///
/// A reader that went away is not an error: through a pipe SIGPIPE keeps its default action, so
/// the process ends quietly by it (141), as `cat` does; at the prompt, where the signal is
/// handled, the session ends as at end of input and then dies of it (see `Termination`). Once a
/// terminating signal has arrived at the prompt (a closed terminal gives EIO), writes fail
/// quietly too, so the history is still saved and the signal's status reported.
public enum StandardOutput {
    public static func write(_ text: String) {
        // Anything a library left in stdio's buffer (readline's prompt) goes first.
        fflush(nil)
        guard let code = PrivateFile.writeAll(STDOUT_FILENO, Array(text.utf8)) else { return }
        if code == EPIPE || Termination.received != nil { return }
        fail(code)
    }

    /// One line: `text` and a newline.
    public static func line(_ text: String) { write(text + "\n") }

    /// Ends the program: the output could not be written.
    public static func fail(_ code: Int32) -> Never {
        StandardError.write("rubdown: error: cannot write the output: \(String(cString: strerror(code)))\n")
        exit(ExitStatus.ioError.rawValue)
    }
}

extension String {
    /// The text with every control character that a terminal would act on (escape sequences,
    /// bells, carriage returns, C1 controls) shown as `\x1B` instead: for any string that came
    /// from a file or another program (area ids from the journal, content file names, story and
    /// evaluation lines) before it reaches the terminal. Newlines and tabs are kept.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.isEscaped) else { return self }
        var escaped = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if Self.isEscaped(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped.append(contentsOf: "\\x\(hex.count < 2 ? "0" + hex : hex)".unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
