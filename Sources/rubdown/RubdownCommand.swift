import ArgumentParser
import BundledContent
import Foundation
import RubdownKit
import RubdownPlugins
import RubdownTerminal
import Synchronization

struct RubdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubdown",
        abstract: "A terminal coach for runners' post-run self-massage. Self-care guidance, not diagnosis.",
        version: version,
        subcommands: [Chat.self, Classify.self, Intents.self, Evaluate.self, TestStories.self, Check.self],
        defaultSubcommand: Chat.self
    )
}

/// Options every subcommand shares: where the content comes from.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Load the intent table from this folder instead of the bundled one.", valueName: "DIR"))
    var intents: String?

    @Option(name: .long, help: ArgumentHelp("Load the knowledge base from this folder instead of the bundled one.", valueName: "DIR"))
    var knowledge: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Merge the intents/ and knowledge/ of this folder over the content (repeatable; later wins). $XDG_CONFIG_HOME/rubdown is merged first when it exists.",
            valueName: "DIR"))
    var overlay: [String] = []

    @Flag(name: .long, help: "Do not merge $XDG_CONFIG_HOME/rubdown (or ~/.config/rubdown).")
    var noUserOverlay = false

    @Flag(
        name: .long,
        help:
            "Build the coach from the bundled YAML at start-up, as with an overlay, instead of using the one compiled into the binary (for measuring and testing)."
    )
    var noCache = false

    @Flag(name: .long, help: "Accept content without red flags (warning signs would then go unnoticed): for testing content only.")
    var allowNoRedFlags = false

    /// A missing --overlay folder is a mistake to report (64), not an empty overlay to ignore.
    func validate() throws {
        for folder in overlay {
            var info = stat()
            guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw ValidationError("--overlay \(folder.escapingControlCharacters): no such folder")
            }
        }
    }

    /// Where red flags are expected, for `ContentCheck.safety`; nil when their absence is allowed.
    var redFlagsFile: String? {
        allowNoRedFlags ? nil : (knowledge.map { ($0 as NSString).appendingPathComponent("red-flags.yaml") } ?? "Knowledge/red-flags.yaml")
    }

    /// Every coach loaded, kept until the process exits: freeing one (thousands of strings and
    /// arrays) at exit would only cost time, about a tenth of a start.
    private static let kept = Mutex<[Coach]>([])

    /// Loads and validates the content and plugins; a bad data file exits 65 with file:line
    /// messages, and so does content without red flags unless `--allow-no-red-flags`.
    func coach() throws -> Coach {
        do {
            let coach = try load()
            Self.kept.withLock { $0.append(coach) }
            return coach
        } catch {
            Diagnostics.report(error)
            throw ExitCode(.dataError)
        }
    }

    private func load() throws -> Coach {
        let overlays = try overlays()
        // The bundled content was built into a coach, and its red flags checked, when this binary was compiled.
        if overlays.isEmpty, intents == nil, knowledge == nil, !noCache {
            return try BundledContent.coach(plugins: registeredPlugins)
        }
        let coach = try Coach(content: Content.load(try base(), overlays: overlays), plugins: registeredPlugins)
        if let redFlagsFile {
            let problems = ContentCheck.safety(coach.content, redFlagsFile: redFlagsFile)
            if !problems.isEmpty { throw ContentError(problems) }
        }
        return coach
    }

    /// The bundled content, or the folders given instead of it.
    func base() throws -> ContentSet {
        var set = ContentSet(knowledge: BundledContent.knowledge, intents: BundledContent.intents)
        if let knowledge { set.knowledge = try Content.files(in: knowledge) }
        if let intents { set.intents = try Content.files(in: intents) }
        return set
    }

    /// The overlays, in the order they apply: the user's configuration folder, then --overlay folders.
    func overlays() throws -> [ContentSet] {
        var folders: [String] = []
        if !noUserOverlay, let user = XDGPaths(environment: ProcessInfo.processInfo.environment).config { folders.append(user) }
        folders += overlay
        return try folders.map(Content.overlay(in:)).filter { !$0.isEmpty }
    }
}

enum Diagnostics {
    /// Prints each diagnostic on stderr (file names and messages with control characters
    /// escaped); the errno of the first write that failed, for `check` to act on.
    @discardableResult
    static func report(_ error: any Error) -> Int32? {
        let style = TerminalStyle(colour: TerminalStyle.colourWanted(fileDescriptor: STDERR_FILENO), width: nil)
        var failure: Int32?
        for diagnostic in error.contentDiagnostics {
            failure = failure ?? StandardError.write(style.diagnostic(diagnostic) + "\n")
        }
        return failure
    }
}
