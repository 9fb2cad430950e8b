// libFuzzer target over Rubdown's understanding pipeline, its dialogue and its content loaders.
// Built and run by Fuzz/run.sh (not part of `swift test`). Crashes, traps and hangs are findings;
// a thrown ContentError for bad content is the expected outcome, not a finding.
//
// The first byte of an input chooses what it exercises; the rest is the text:
//   0  understanding: each line through coach.interpreter.understand and coach.classify
//   1  dialogue: each line sent in one conversation; every turn must have a reply
//   2  knowledge loader: the text replaces one bundled knowledge file (chosen by the second byte)
//   3  intent loader: the text replaces one bundled intent file (chosen by the second byte)
import Foundation
import RubdownKit

// The plugins are `registeredPlugins`, from Sources/RubdownPlugins/RegisteredPlugins.swift, compiled in by run.sh.

struct Bundle {
    let knowledge: [ContentFile]
    let intents: [ContentFile]
    let coach: Coach
}

/// The repository's own content, read once (RUBDOWN_ROOT, set by run.sh).
let bundle: Bundle = {
    let root = ProcessInfo.processInfo.environment["RUBDOWN_ROOT"] ?? FileManager.default.currentDirectoryPath
    do {
        let knowledge = try Content.files(in: root + "/Knowledge")
        let intents = try Content.files(in: root + "/Intents")
        let coach = try Coach(content: Content.load(knowledge: knowledge, intents: intents), plugins: registeredPlugins)
        return Bundle(knowledge: knowledge, intents: intents, coach: coach)
    } catch {
        fatalError("the content under \(root) does not load: \(error)")
    }
}()

/// At most this many lines per input, so one input stays fast.
let maximumLines = 16

func lines(_ text: String) -> [String] {
    Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(maximumLines).map(String.init))
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

func exerciseUnderstanding(_ text: String, coach: Coach) {
    for line in lines(text) {
        let understanding = coach.interpreter.understand(line)
        check(understanding.confidence.isFinite, "confidence is not finite for \(line.debugDescription)")
        let classification = coach.classify(line)
        check(!classification.intent.isEmpty, "no intent for \(line.debugDescription)")
        _ = JSONContract.line(classification)
    }
}

func exerciseConversation(_ text: String, coach: Coach) {
    var conversation = coach.startConversation()
    for line in lines(text) {
        let turn = conversation.send(line)
        check(!turn.reply.isEmpty, "an empty reply to \(line.debugDescription)")
        _ = JSONContract.line(turn)
        if turn.ends { break }
    }
}

func exerciseContent(_ text: String, replacing selector: UInt8, knowledgeSide: Bool) {
    var knowledge = bundle.knowledge
    var intents = bundle.intents
    if knowledgeSide {
        let index = Int(selector) % knowledge.count
        knowledge[index] = ContentFile(path: knowledge[index].path, text: text)
    } else {
        let index = Int(selector) % intents.count
        intents[index] = ContentFile(path: intents[index].path, text: text)
    }
    let content: Content
    do {
        content = try Content.load(knowledge: knowledge, intents: intents)
    } catch {
        _ = error.contentDiagnostics.map(\.description)  // rendering the diagnostics must not crash either
        return
    }
    guard let coach = try? Coach(content: content, plugins: registeredPlugins) else { return }
    exerciseConversation("my calves hurt after a 10k\nno\na dull ache\n4\nyesterday\nhow do I do drumming?\nwhy", coach: coach)
}

/// RUBDOWN_FUZZ=text: modes 0 and 1 only; =content: modes 2 and 3 only (they are ~100 times
/// slower: each loads and cross-checks all content and builds a coach); unset: all.
let focus: ClosedRange<UInt8> = {
    switch ProcessInfo.processInfo.environment["RUBDOWN_FUZZ"] {
    case "text": return 0...1
    case "content": return 2...3
    default: return 0...3
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let mode = bytes[0] % 4
    guard focus.contains(mode) else { return -1 }  // -1: libFuzzer keeps it out of the corpus
    switch mode {
    case 0, 1:
        // Any bytes: invalid UTF-8 is repaired, as the terminal and pipe readers do.
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        if mode == 0 { exerciseUnderstanding(text, coach: bundle.coach) } else { exerciseConversation(text, coach: bundle.coach) }
    default:
        guard size > 1 else { return 0 }
        // Content files are read as UTF-8 or refused before parsing (Content.files(in:)).
        guard let text = String(validating: bytes.dropFirst(2), as: UTF8.self) else { return 0 }
        exerciseContent(text, replacing: bytes[1], knowledgeSide: mode == 2)
    }
    return 0
}
