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

    /// Lent, not copied: a read costs what reading a stored property does, once decoded.
    public var wrappedValue: Value {
        _read { yield box.value.pointee }
        set { box = Box(value: newValue) }
        // In place when no copy shares the box (a value being built grows one entry at a time).
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(value: box.value.pointee) }
            yield &box.value.pointee
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

    /// The value's room, filled once: when decoded, or at once for a value never saved. Once it
    /// is filled, the value is read without the lock: `isFilled` is set (releasing) only after
    /// the room is, and read (acquiring) before it is.
    private final class Box: @unchecked Sendable {
        private let room = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        private let isFilled = Atomic<Bool>(false)
        private let lock = NSLock()
        /// The value's bytes as `BinaryCoder` wrote them, until decoded.
        private var saved: ArraySlice<UInt8>?

        init(value: Value) {
            room.initialize(to: value)
            isFilled.store(true, ordering: .releasing)
        }

        init(saved: ArraySlice<UInt8>) { self.saved = saved }

        deinit {
            if isFilled.load(ordering: .acquiring) { room.deinitialize(count: 1) }
            room.deallocate()
        }

        /// The value, decoded if it was not yet.
        var value: UnsafeMutablePointer<Value> {
            if !isFilled.load(ordering: .acquiring) { decode() }
            return room
        }

        private func decode() {
            lock.lock()
            defer { lock.unlock() }
            guard !isFilled.load(ordering: .acquiring), let saved else { return }
            do {
                room.initialize(to: try BinaryCoder.decode(Value.self, from: saved))
            } catch {
                fatalError("the compiled coach's \(Value.self) does not read back: \(error)")
            }
            self.saved = nil
            isFilled.store(true, ordering: .releasing)
        }
    }
}

extension Deferred: Equatable where Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Deferred: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}
