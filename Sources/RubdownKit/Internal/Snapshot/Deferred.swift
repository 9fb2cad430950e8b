import Foundation
import Synchronization

/// A part of a snapshot read when it is first used, not when the snapshot is: `BinaryCoder` saves
/// the value behind a byte length and, reading back, keeps those bytes and decodes them at the
/// first access (under a lock: a coach is shared between threads). A start then pays nothing for
/// what it does not touch (the typo candidates, the back-off's neighbours, the texts of replies
/// not given). Any other coder reads and writes the value itself; what is saved is still whatever
/// the value's own `Codable` conformance says.
///
/// The snapshot's reading checks that the bytes are all there; bytes that are there but do not
/// decode would be a defect of the build that compiled them in, and stop the program at first use.
/// Reflected as its value, so a coach read back compares field by field with one built from YAML.
/// (Public because public fields of the knowledge base are kept in it.)
@propertyWrapper
public struct Deferred<Value: Codable & Sendable>: Sendable, Codable, CustomReflectable {
    private var box: Box

    public init(wrappedValue: Value) { box = Box(value: wrappedValue) }

    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(value: newValue) }
        // In place when no copy shares the box (a value being built grows one entry at a time).
        _modify {
            if !isKnownUniquelyReferenced(&box) || !box.isDecoded { box = Box(value: box.value) }
            yield &box.decoded!
        }
    }

    public init(from decoder: any Decoder) throws {
        if let source = decoder as? BinarySource {
            box = Box(saved: try source.readDeferred())
        } else {
            box = Box(value: try Value(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if let sink = encoder as? BinarySink {
            try sink.writeDeferred(wrappedValue)
        } else {
            try wrappedValue.encode(to: encoder)
        }
    }

    public var customMirror: Mirror { Mirror(reflecting: wrappedValue) }

    /// Once decoded, the value is read without the lock: `isDecoded` is set (releasing) only
    /// after `decoded` is, and read (acquiring) before it is.
    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private let decodedFlag = Atomic<Bool>(false)
        /// The value, once decoded (or when it was never saved); not changed after, but in place
        /// through `Deferred`'s `_modify` when nothing else holds the box.
        fileprivate var decoded: Value?
        /// The value's bytes as `BinaryCoder` wrote them, until decoded.
        private var saved: ArraySlice<UInt8>?

        init(value: Value) {
            decoded = value
            decodedFlag.store(true, ordering: .releasing)
        }

        init(saved: ArraySlice<UInt8>) { self.saved = saved }

        var isDecoded: Bool { decodedFlag.load(ordering: .acquiring) }

        var value: Value {
            if isDecoded { return decoded.unsafelyUnwrapped }
            lock.lock()
            defer { lock.unlock() }
            if let decoded { return decoded }
            do {
                let value = try BinaryCoder.decode(Value.self, from: saved!)
                (decoded, saved) = (value, nil)
                decodedFlag.store(true, ordering: .releasing)
                return value
            } catch {
                fatalError("the compiled coach's \(Value.self) does not read back: \(error)")
            }
        }
    }
}
