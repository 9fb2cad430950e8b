import BundledContent
import Foundation
import TestSupport
import Testing

@testable import RubdownKit

/// The coach compiled into the binary must be the very coach the YAML builds: a field the
/// snapshot forgot, or read back wrongly, would answer wrongly without a word.
@Suite struct CoachSnapshotTests {
    static let fromYAML: Coach = {
        do {
            return try Coach(content: BundledContent.load(), plugins: allPlugins)
        } catch {
            fatalError("the bundled content does not load:\n\(error)")
        }
    }()
    static let compiled: Coach = shippedCoach
    /// The YAML coach's content and interpreter as text (see `canonical`), worked out once.
    static let fromYAMLCanonical = (content: canonical(fromYAML.content), interpreter: canonical(fromYAML.interpreter))

    /// Field by field, private ones included: so the compiled coach understands and answers every
    /// line as the YAML's would, and the tests that use it (TestSupport's `shippedCoach`) test both.
    @Test func theCompiledCoachIsTheOneTheYAMLBuilds() throws {
        #expect(canonical(Self.compiled.content) == Self.fromYAMLCanonical.content)
        #expect(canonical(Self.compiled.interpreter) == Self.fromYAMLCanonical.interpreter)
    }

    @Test func aSnapshotReadsBackEveryField() throws {
        let restored = try CoachSnapshot.coach(
            from: CoachSnapshot.bytes(of: Self.fromYAML.content, plugins: allPlugins), plugins: allPlugins)
        #expect(canonical(restored.content) == Self.fromYAMLCanonical.content)
        #expect(canonical(restored.interpreter) == Self.fromYAMLCanonical.interpreter)
    }

    @Test func otherPluginsAreRefusedAsWithYAML() {
        let plugins = PluginRegistry(allPlugins.plugins.filter { $0.name != "triage" })
        #expect(throws: (any Error).self) { try BundledContent.coach(plugins: plugins) }
        #expect(throws: (any Error).self) { try Coach(content: Self.fromYAML.content, plugins: plugins) }
    }

    /// Bytes cut short anywhere throw; they never crash or read past the end.
    @Test func aSnapshotCutShortThrows() throws {
        let bytes = try CoachSnapshot.bytes(of: Self.fromYAML.content, plugins: allPlugins)
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<40 {
            let cut = Int.random(in: 0..<bytes.count, using: &generator)
            #expect(throws: (any Error).self, "cut at \(cut) (seed 14)") {
                try CoachSnapshot.coach(from: Array(bytes[..<cut]), plugins: allPlugins)
            }
        }
        #expect(throws: (any Error).self) { try CoachSnapshot.coach(from: bytes + [0], plugins: allPlugins) }
    }
}

/// The binary form itself, on values whose every shape it must keep.
@Suite struct BinaryCoderTests {
    struct Sample: Codable, Equatable {
        enum Kind: Codable, Equatable {
            case plain
            case named(String)
            case pair(Int, label: String)
        }
        var text = "calves"
        var empty = ""
        var optional: String? = nil
        var present: Int? = -3
        var numbers: [Int32] = [1, -2, 3]
        var floats: [Float] = [0.5, 2]
        var flags = [true, false]
        var nested: [[String]] = [["a"], [], ["b", "c"]]
        var sets: [Set<String>] = [["x", "y"]]
        var byName: [String: [Int]] = ["one": [1], "none": []]
        var byNumber: [Int: String] = [7: "seven"]
        var kinds: [Kind] = [.plain, .named("ice"), .pair(2, label: "warm")]
        var unicode = "café ✓"
    }

    @Test func everyShapeReadsBackEqual() throws {
        var sample = Sample()
        #expect(try BinaryCoder.decode(Sample.self, from: BinaryCoder.encode(sample)) == sample)
        sample.optional = "now here"
        sample.present = nil
        #expect(try BinaryCoder.decode(Sample.self, from: BinaryCoder.encode(sample)) == sample)
    }

    /// Synthesised code may ask for keys in another order than they were written (a type edited
    /// between writing and reading); the reader looks further instead of failing.
    @Test func keysAreFoundOutOfOrder() throws {
        struct Written: Codable { var a = 1, b = "two", c = [3] }
        struct Read: Codable, Equatable { var c: [Int], a: Int, missing: String?, b: String }
        let read = try BinaryCoder.decode(Read.self, from: BinaryCoder.encode(Written()))
        #expect(read == Read(c: [3], a: 1, missing: nil, b: "two"))
    }

    struct WithDeferred: Codable {
        @Deferred var words: [String] = ["calves", "shins"]
        @Deferred var byName: [String: [Int]] = ["one": [1]]
        var after = "read past the deferred parts"
    }

    /// A deferred part reads back (when first used) as what was saved, and the parts after it too.
    @Test func deferredPartsReadBackWhenUsed() throws {
        var saved = WithDeferred()
        saved.words.append("feet")
        let read = try BinaryCoder.decode(WithDeferred.self, from: BinaryCoder.encode(saved))
        #expect(read.after == "read past the deferred parts")
        #expect(read.words == ["calves", "shins", "feet"])
        #expect(read.byName == ["one": [1]])
        #expect(canonical(read) == canonical(saved))
        // Through another coder, the value itself.
        let json = try JSONEncoder().encode(saved)
        #expect(String(decoding: json, as: UTF8.self).contains("\"words\":[\"calves\",\"shins\",\"feet\"]"))
        #expect(try JSONDecoder().decode(WithDeferred.self, from: json).words == saved.words)
    }

    /// A copy keeps its value when the original changes, read back or not.
    @Test func deferredPartsAreValues() throws {
        let read = try BinaryCoder.decode(WithDeferred.self, from: BinaryCoder.encode(WithDeferred()))
        var changed = read
        changed.words.append("hips")
        #expect(read.words == ["calves", "shins"])
        #expect(changed.words == ["calves", "shins", "hips"])
    }

    /// Bytes cut inside a deferred part throw when the snapshot is read, not at first use.
    @Test func aDeferredPartCutShortThrows() throws {
        let bytes = try BinaryCoder.encode(WithDeferred())
        for cut in 1..<bytes.count {
            #expect(throws: (any Error).self, "cut at \(cut)") { try BinaryCoder.decode(WithDeferred.self, from: Array(bytes[..<cut])) }
        }
    }

    /// Every byte value, both ways: the source `ByteLiteral` writes, and the bytes read back from
    /// such a literal compiled (long enough runs of bytes under 0x80 to take the eight-byte path).
    @Test func bytesSurviveAsAStringLiteral() {
        let bytes: [UInt8] = Array("a run of ASCII".utf8) + [0, 9, 10, 13, 34, 92, 0x1F, 0x7F, 0x80, 0xC3, 0xFF] + Array("and again".utf8)
        let literal: StaticString = "a run of ASCII\0\t\n\r\"\\\u{1f}\u{7f}\u{80}\u{c3}\u{ff}and again"
        #expect(ByteLiteral.source(of: bytes) == #""a run of ASCII\0\t\n\r\"\\\u{1f}\u{7f}\u{80}\u{c3}\u{ff}and again""#)
        #expect(ByteLiteral.bytes(of: literal) == bytes)
    }

    /// Bytes above 0x7F at every place in an eight-byte stretch, alone and in runs (as the line models' hash keys put
    /// them), read back from the UTF-8 such a literal compiles to.
    @Test func bytesAboveASCIIReadBackAtEveryOffset() {
        var generator = SeededGenerator(seed: 20_261_201)
        for length in [1, 7, 8, 9, 15, 16, 17, 64, 1_000] {
            for highShare in [0, 1, 4, 8] {
                let bytes = (0..<length).map { _ -> UInt8 in
                    let draw = generator.next()
                    return draw % 8 < highShare ? UInt8(0x80 + draw >> 8 % 0x80) : UInt8(draw >> 8 % 0x80)
                }
                // What the literal `ByteLiteral.source(of:)` writes holds: each byte as the character of that number.
                let text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
                let read = Array(text.utf8).withUnsafeBytes { ByteLiteral.bytes(utf8: $0) }
                #expect(read == bytes, "seed \(generator.seed), length \(length), \(highShare) in 8 above 0x7F")
            }
        }
    }
}

/// Every stored property of a value, recursively, as text; dictionaries and sets sorted so
/// that equal contents print alike. The matcher's scratch buffers, the stem index (derived on
/// first use) and the typo corrections remembered are working memory, not state.
func canonical(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    let type = String(describing: mirror.subjectType)
    if type == "ScratchPool" || type == "StemIndex" || type == "CorrectionMemo" { return type }
    switch mirror.displayStyle {
    case .dictionary?, .set?:
        return type + "{" + mirror.children.map { canonical($0.value) }.sorted().joined(separator: ",") + "}"
    case nil:
        return String(describing: value)
    default:
        return type + "(" + mirror.children.map { ($0.label ?? "") + ":" + canonical($0.value) }.joined(separator: ",") + ")"
    }
}
