import AnswersPlugin
import BathPlugin
import BundledContent
import CoreChatPlugin
import Foundation
import RubdownKit
import RubdownPlugins
import Synchronization
import TechniquesPlugin
import TriagePlugin

#if canImport(Glibc)
    import Glibc
#endif

/// The shipped coach, built once for all tests: bundled content and every plugin.
public var shippedCoach: Coach { cachedCoach.withLock { $0 } }

/// The coach compiled into the binary, as `rubdown` starts with it (`CoachSnapshotTests` checks
/// that it is the one the YAML builds).
private let cachedCoach = Mutex<Coach>(
    {
        do {
            return try BundledContent.coach(plugins: allPlugins)
        } catch {
            fatalError("the bundled coach does not load:\n\(error)")
        }
    }())

public let allPlugins = registeredPlugins

/// Sends the lines in a fresh conversation and returns every turn.
public func converse(_ lines: [String], coach: Coach = shippedCoach) -> [Turn] {
    var conversation = coach.startConversation()
    return lines.map { conversation.send($0) }
}

/// The repository root, found from this file's path (tests read Tests/Data and Tests/Stories).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Every story in Tests/Stories, parsed, in file-name order (each named by its path for messages).
public func shippedStories() throws -> [Story] {
    let folder = repositoryRoot.appendingPathComponent("Tests/Stories")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".story") }.sorted().map { name in
        try Story.parse(file: "Tests/Stories/" + name, text: String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
}

/// The development set: lines written as runners type, with what each should be understood as.
public func devSetCases() throws -> [Evaluation.Case] {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Data/dev-set.jsonl"), encoding: .utf8)
    return try Evaluation.cases(file: "Tests/Data/dev-set.jsonl", text: text)
}

/// A file that even root cannot write: chattr +i as root, chmod 0400 otherwise.
public func makeReadOnly(_ path: String) -> Bool {
    if geteuid() != 0 { return chmod(path, 0o400) == 0 }
    return shell("chattr", "+i", path)
}

public func undoReadOnly(_ path: String) -> Bool {
    if geteuid() != 0 { return chmod(path, 0o600) == 0 }
    return shell("chattr", "-i", path)
}

private func shell(_ arguments: String...) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

/// Randomness a failing test can repeat: tests print the seed beside what failed (SplitMix64).
public struct SeededGenerator: RandomNumberGenerator {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
