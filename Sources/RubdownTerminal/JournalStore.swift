import Foundation
import RubdownKit

/// The journal file: `$XDG_STATE_HOME/rubdown/journal.json` (or `~/.local/state/rubdown/`),
/// mode 0600, written atomically (a new file renamed over the old), never sent anywhere.
public struct JournalStore {
    public let path: String

    public init(path: String) { self.path = path }

    public static func defaultPath(environment: [String: String]) -> String? {
        StateFolder.path(environment: environment).map { $0 + "/journal.json" }
    }

    /// The journal; a missing file is an empty journal; an unreadable or corrupt one is set
    /// aside (renamed) with a warning, and an empty journal is used.
    public func load() -> (journal: Journal, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (Journal(), nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (Journal(), "cannot read the journal at \(path); starting a new one")
        }
        do {
            return (try Self.decoder.decode(Journal.self, from: data), nil)
        } catch {
            let aside = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            try? FileManager.default.moveItem(atPath: path, toPath: aside)
            return (Journal(), "the journal at \(path) was damaged; it is set aside as \(aside) and a new one started")
        }
    }

    /// Writes the journal atomically; returns a warning on failure (the conversation goes on).
    public func save(_ journal: Journal) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let data = try Self.encoder.encode(journal)
            let temporary = folder + "/.journal-\(getpid()).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                return "could not write the journal in \(folder)"
            }
            if rename(temporary, path) != 0 {
                unlink(temporary)
                return "could not save the journal to \(path)"
            }
            return nil
        } catch {
            return "could not save the journal to \(path): \(error.localizedDescription)"
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
