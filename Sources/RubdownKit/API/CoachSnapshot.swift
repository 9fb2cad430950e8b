/// A built coach (its content and the interpreter's indexes) as bytes, so that a later start
/// with the same content skips parsing YAML and indexing, which are most of its start-up.
///
/// A snapshot is only ever made from a coach that loaded and validated, and only read back
/// for the key it was written under; anything else (another key, another format, damage)
/// reads as no snapshot, and the caller loads from YAML as usual. See `CoachCache`.
public enum CoachSnapshot {
    /// Bumped whenever what is archived changes shape.
    static let formatVersion: UInt32 = 4
    static let magic = Array("RUBDCOCH".utf8)
    /// magic, format, key, payload length, payload checksum.
    static let headerSize = 8 + 4 + 8 + 8 + 8

    /// The coach as bytes, for `key` (what it was built from; see `CoachCache.key`).
    public static func bytes(of coach: Coach, key: UInt64) -> [UInt8] {
        // One buffer, header first, its length and checksum filled in at the end: a table of
        // thousands of intents makes tens of megabytes, which should not be copied.
        // A snapshot takes about three bytes per byte of example text (the text, its features, the
        // postings) plus the knowledge base; ten are reserved, since pages never written cost no memory.
        let exampleBytes = coach.content.intents.intents.reduce(0) { $0 + $1.examples.reduce(0) { $0 + $1.utf8.count + 16 } }
        var archive = ArchiveWriter(capacity: 10 * exampleBytes + 1 << 20)
        for byte in magic { archive.write(byte) }
        archive.write(formatVersion)
        archive.write(key)
        archive.write(UInt64(0))  // payload length
        archive.write(UInt64(0))  // payload checksum
        archive.write(coach.plugins.plugins.map(\.name))
        archive.write(coach.content)
        coach.interpreter.archive(into: &archive)
        let length = archive.bytes.count - headerSize
        archive.overwrite(UInt64(length), at: headerSize - 16)
        archive.overwrite(Fingerprint.of(archive.bytes[headerSize...]), at: headerSize - 8)
        return archive.bytes
    }

    /// A snapshot edited after it was written, with its length and checksum made to match the
    /// edit again: how tests and the fuzzer reach the reader's own checks behind the checksum.
    public static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= headerSize else { return bytes }
        var archive = ArchiveWriter(bytes: bytes)
        archive.overwrite(UInt64(bytes.count - headerSize), at: headerSize - 16)
        archive.overwrite(Fingerprint.of(bytes[headerSize...]), at: headerSize - 8)
        return archive.bytes
    }

    /// The coach saved in `bytes`, with `plugins` (which must be the ones it was built with);
    /// nil unless the bytes are an intact snapshot for `key`.
    public static func coach(from bytes: [UInt8], key: UInt64, plugins: PluginRegistry) -> Coach? {
        // Numbers are archived as they lie in memory.
        guard 1.littleEndian == 1, bytes.count >= headerSize, Array(bytes[0..<8]) == magic else { return nil }
        do {
            var reader = ArchiveReader(bytes, from: magic.count)
            guard try reader.read(UInt32.self) == formatVersion, try reader.read(UInt64.self) == key,
                try reader.read(UInt64.self) == UInt64(bytes.count - headerSize),
                try reader.read(UInt64.self) == Fingerprint.of(bytes[headerSize...]),
                try reader.read([String].self) == plugins.plugins.map(\.name)
            else { return nil }
            let content = try reader.read(Content.self)
            let interpreter = try Interpreter(from: &reader, content: content, outOfScopePlugins: plugins.outOfScopeNames)
            guard reader.isAtEnd else { return nil }
            return Coach(content: content, interpreter: interpreter, plugins: plugins)
        } catch {
            return nil
        }
    }
}
