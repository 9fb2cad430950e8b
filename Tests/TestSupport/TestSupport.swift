import AnswersPlugin
import BathPlugin
import BundledContent
import CoreChatPlugin
import Foundation
import Synchronization
import RubdownKit
import TechniquesPlugin
import TriagePlugin

/// The shipped coach, built once for all tests: bundled content and every plugin.
public var shippedCoach: Coach { cachedCoach.withLock { $0 } }

private let cachedCoach = Mutex<Coach>({
    do {
        return try Coach(content: BundledContent.load(), plugins: allPlugins)
    } catch {
        fatalError("the bundled content does not load:\n\(error)")
    }
}())

public let allPlugins = PluginRegistry([CoreChatPlugin(), FallbackPlugin(), TechniquesPlugin(), TriagePlugin(), BathPlugin(), AnswersPlugin()])

/// Sends the lines in a fresh conversation and returns every turn.
public func converse(_ lines: [String], coach: Coach = shippedCoach) -> [Turn] {
    var conversation = coach.startConversation()
    return lines.map { conversation.send($0) }
}

/// The repository root, found from this file's path (tests read Tests/Data and Tests/Stories).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
