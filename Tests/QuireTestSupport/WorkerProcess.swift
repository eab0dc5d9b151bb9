import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `quire worker` process. Its output goes to files (no pipes a child could inherit), and
/// its TMPDIR is a folder of its own: warm kernels start there and every kernel's connection file
/// is under it, so the kernels of a SIGKILLed worker can be found by that path on their command
/// line and killed (`killKernels`), as a supervisor's cgroup would.
public final class WorkerProcess: @unchecked Sendable {
    public let process: Process
    public let folder: String
    public var stdoutPath: String { folder + "/stdout" }
    public var logPath: String { folder + "/stderr" }
    public var tmp: String { folder + "/tmp" }

    /// Starts `quire worker args…`; `waitForReady` waits for its start line.
    public init(_ args: [String], env: [String: String] = [:]) throws {
        folder = NSTemporaryDirectory() + "quire-worker-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/stderr", contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.quire)
        p.arguments = ["worker"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["VIRTUAL_ENV"] = TestPaths.venv
        environment["TMPDIR"] = folder + "/tmp"
        for key in environment.keys where key.hasPrefix("QUIRE_") { environment[key] = nil }
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle(forWritingAtPath: folder + "/stdout")
        p.standardError = FileHandle(forWritingAtPath: folder + "/stderr")
        try p.run()
        process = p
    }

    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits for the start line ("Quire worker … ready"); throws with the log if the process
    /// exits first or it takes over `timeout`.
    @discardableResult
    public func waitForReady(timeout: TimeInterval = 120) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = stdout.split(separator: "\n").first(where: { $0.contains(" ready ") }) { return String(line) }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeFailure(message: "quire worker did not start: stdout=\(stdout) log=\(log)")
    }

    /// The exit status once the process ended, or nil if it still runs after `timeout`.
    public func waitForExit(timeout: TimeInterval) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    public func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// A crash: SIGKILL, then its kernels (own process groups) are killed too.
    public func kill9() async {
        signal(SIGKILL)
        _ = await waitForExit(timeout: 60)
        killKernels()
    }

    /// Kills every process whose command line names this worker's TMPDIR (its kernels).
    public func killKernels() { killProcesses(mentioning: tmp, except: process.processIdentifier) }

    /// SIGTERM, a drain of up to `timeout`, then SIGKILL; kernels are cleaned up and the folder removed.
    public func stop(timeout: TimeInterval = 90) async {
        if process.isRunning {
            signal(SIGTERM)
            if await waitForExit(timeout: timeout) == nil { signal(SIGKILL); _ = await waitForExit(timeout: 30) }
        }
        killKernels()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
