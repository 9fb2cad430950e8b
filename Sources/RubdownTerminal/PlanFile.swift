import RubdownKit

#if canImport(Glibc)
    import Glibc
#endif

/// The file `--save-plan FILE.md` writes: through `PrivateFile` (mode 0600, atomic), and never
/// over a file of the runner's own. An existing file is replaced only when it is a plan Rubdown
/// wrote (its first line is `Plan.title`) or with `--force`.
public struct PlanFile: Sendable {
    public let path: String
    /// `--force`: replace whatever is there.
    public let force: Bool

    public init(path: String, force: Bool) {
        self.path = path
        self.force = force
    }

    /// Why the file may not be written, or nil. Asked before the conversation starts (so the
    /// runner hears it at once) and again when saving.
    public func refusal() -> String? {
        let advice = "choose another file name, or add --force to replace it"
        switch PrivateFile.read(path, limit: 1 << 20) {
        case .missing:
            return nil
        case .bytes(let bytes):
            let firstLine = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
            if String(decoding: firstLine, as: UTF8.self) == Plan.title || force { return nil }
            return "\(path) already exists and is not a plan Rubdown wrote; \(advice)"
        case .notRegular:
            var isFolder = stat()
            if stat(path, &isFolder) == 0, isFolder.st_mode & S_IFMT == S_IFDIR { return "\(path) is a folder; choose a file name" }
            return force ? nil : "\(path) is not a regular file (a symbolic link, device or pipe); \(advice)"
        case .tooLarge:
            return force ? nil : "\(path) already exists and is not a plan Rubdown wrote; \(advice)"
        case .unreadable(let code):
            return force ? nil : "\(path) already exists and cannot be read (\(PrivateFile.describe(code))); \(advice)"
        }
    }

    /// Writes the plan; the error line to print on failure (nothing is left half written).
    public func save(_ markdown: String) -> String? {
        if let refusal = refusal() { return "the plan was not saved: " + refusal }
        do {
            try PrivateFile.write(Array(markdown.utf8), to: path)
            return nil
        } catch {
            return error.message(saving: "the plan")
        }
    }
}
