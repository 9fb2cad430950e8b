import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Signals and streams when Rubdown is driven through pipes, as scripts do. The exit codes are the
/// ones a shell reports (`$?`), so each run goes through `sh -c`.
@Suite struct PipeSignalTests {
    /// `sh -c script` with `$0` the rubdown binary, its stdin a pipe we hold; started with a clean
    /// signal state (see `CleanProcess`).
    final class ShellRun {
        let process: CleanProcess
        let input = ClosingPipe(), output = ClosingPipe(), errors = ClosingPipe()
        private var seen = Data()

        init(_ script: String) throws {
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = FileManager.default.temporaryDirectory.path
            process = try CleanProcess(
                "/bin/sh", ["-c", script, BinaryTests.binary.path], environment: environment,
                standardInput: input.read, standardOutput: output.write, standardError: errors.write)
            close(input.read)
            close(output.write)
            close(errors.write)
        }

        func send(_ text: String) {
            _ = text.utf8CString.withUnsafeBytes { write(input.write, $0.baseAddress, $0.count - 1) }
        }

        /// Reads stdout until `marker` has been seen (or the output ends).
        func readUntil(_ marker: String) -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !String(decoding: seen, as: UTF8.self).contains(marker) {
                let count = buffer.withUnsafeMutableBytes { read(output.read, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                seen += buffer[0..<count]
            }
            return String(decoding: seen, as: UTF8.self)
        }

        /// The rubdown process: the shell's only child.
        var rubdownPID: pid_t? { childPIDs(of: process.pid).first }

        func finish() throws -> (stdout: String, stderr: String, status: Int32) {
            close(input.write)
            let out = FileHandle(fileDescriptor: output.read, closeOnDealloc: true).readDataToEndOfFile()
            let err = FileHandle(fileDescriptor: errors.read, closeOnDealloc: true).readDataToEndOfFile()
            let status = process.wait()
            return (String(decoding: seen + out, as: UTF8.self), String(decoding: err, as: UTF8.self), status)
        }
    }

    @Test func ctrlCThroughAPipeEndsAtOnceWith130() throws {
        // No handler is installed when stdin is not a terminal: SIGINT keeps its default action.
        let run = try ShellRun(#""$0"; echo "status $?""#)
        run.send("my calves hurt\n")
        #expect(run.readUntil("swelling").contains("swelling"))
        let pid = try #require(run.rubdownPID)
        let start = Date()
        kill(pid, SIGINT)
        let result = try run.finish()
        #expect(result.stdout.contains("status 130"))
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(result.stderr.isEmpty)
    }

    @Test func sigtermThroughAPipeEndsAtOnce() throws {
        let run = try ShellRun(#""$0" --json; echo "status $?""#)
        run.send("hello\n")
        _ = run.readUntil("core.greet")
        let pid = try #require(run.rubdownPID)
        kill(pid, SIGTERM)
        let result = try run.finish()
        #expect(result.stdout.contains("status 143"))
        #expect(!result.stderr.contains("rubdown"))  // the shell itself says "Terminated"
    }

    /// `rubdown ... | head -1`: the reader goes away. Rubdown then ends quietly by SIGPIPE, as
    /// `cat` or `grep` would: the shell reports 141 and nothing is printed, no "broken pipe"
    /// message and no error per remaining line.
    @Test func aClosedStdoutEndsQuietlyBySIGPIPE() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.txt")
        try String(repeating: "my calves hurt\nno\nhow do I do drumming?\n", count: 2000).write(
            to: input, atomically: true, encoding: .utf8)
        for arguments in ["", "--json", "classify"] {
            let output = ClosingPipe()
            let bash = try CleanProcess(
                "/bin/bash",
                [
                    "-c", #""$0" \#(arguments) < "$1" 2> "$2" | head -n 1 > /dev/null; echo "${PIPESTATUS[0]}""#,
                    BinaryTests.binary.path, input.path, folder.appendingPathComponent("err").path,
                ], standardOutput: output.write)
            close(output.write)
            let status = String(
                decoding: FileHandle(fileDescriptor: output.read, closeOnDealloc: true).readDataToEndOfFile(), as: UTF8.self)
            _ = bash.wait()
            #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "141", "rubdown \(arguments)")
            let errors = try String(contentsOf: folder.appendingPathComponent("err"), encoding: .utf8)
            #expect(errors.isEmpty, "rubdown \(arguments) printed to stderr: \(errors)")
        }
    }

    /// A note to a stderr nobody reads (`2>&1 >out | true`) is dropped; the run goes on.
    @Test func aClosedStderrIsNoReasonToStop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubdown-stderr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.txt")
        let output = folder.appendingPathComponent("out.jsonl")
        // The long line makes Rubdown write a note to stderr before its reply.
        try (String(repeating: "sore calves ", count: 500) + "\nhow do I do drumming?\n").write(
            to: input, atomically: true, encoding: .utf8)
        let status = ClosingPipe()
        let bash = try CleanProcess(
            "/bin/bash",
            ["-c", #""$0" --json < "$1" 2>&1 > "$2" | true; echo "${PIPESTATUS[0]}""#, BinaryTests.binary.path, input.path, output.path],
            standardOutput: status.write)
        close(status.write)
        let printed = String(decoding: FileHandle(fileDescriptor: status.read, closeOnDealloc: true).readDataToEndOfFile(), as: UTF8.self)
        _ = bash.wait()
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let turns = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(turns.count == 2)
    }

    @Test func endOfInputDuringAFollowUpQuestionExitsZero() throws {
        for arguments in [[], ["--json"]] {
            let result = try BinaryTests().run(arguments, input: "my calves hurt after a 10k\nno\n")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.contains("What kind of pain"))  // the question left open
        }
        // No newline at the very end either.
        let result = try BinaryTests().run([], input: "my calves hurt\nno")
        #expect(result.status == 0)
        #expect(result.stdout.contains("What kind of pain"))
    }
}

/// The children of a process, from /proc, waiting up to `waiting` seconds for there to be one.
func childPIDs(of parent: pid_t, waiting: Double = 5) -> [pid_t] {
    let deadline = Date().addingTimeInterval(waiting)
    repeat {
        let text = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
        let children = text.split(separator: " ").compactMap { pid_t($0) }
        if !children.isEmpty { return children }
        usleep(20_000)
    } while Date() < deadline
    return []
}
