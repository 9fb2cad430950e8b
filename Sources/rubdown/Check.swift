import ArgumentParser
import Foundation
import RubdownKit
import RubdownPlugins
import RubdownTerminal

/// Validates the intent table and knowledge base together, compiler style.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the intent table and knowledge base (with overlays) and report every problem as file:line:col.",
        discussion: "Exit codes: 0 clean, 1 warnings with --strict, 65 errors.")

    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Treat warnings as failures (exit 1).")
    var strict = false

    func run() throws {
        let diagnostics = ContentCheck.run(
            try content.base(), overlays: try content.overlays(), plugins: registeredPlugins, redFlagsFile: content.redFlagsFile)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        // The report is what check is for: if it cannot be written (a full disk, a closed
        // descriptor), that is an I/O error (74), not a silent pass. A reader that went away is not.
        let failure =
            Diagnostics.report(ContentError(diagnostics))
            ?? StandardError.write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        if let failure, failure != EPIPE { throw ExitCode(.ioError) }
        if errors > 0 { throw ExitCode(.dataError) }
        if strict && warnings > 0 { throw ExitCode(.failure) }
    }
}
