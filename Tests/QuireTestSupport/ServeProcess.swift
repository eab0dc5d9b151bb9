import Foundation

/// A real `quire serve` on a port the OS chose, in its own temporary data folder (server and web
/// UI tests). Stopped (and the folder removed) by `stop()`; `kill9()` is SIGKILL for crash tests.
/// Its TMPDIR is a folder of its own, where its kernels' runtime folders are: removed with the
/// process, even a SIGKILLed one, whose kernels are found by that path and killed.
public final class ServeProcess: @unchecked Sendable {
    public let data: String
    /// The process's TMPDIR.
    public let tmp: String
    public let process: Process
    public let baseURL: String
    public let logPath: String
    private let ownsData: Bool

    /// `config` is written as quire.yaml in the data folder and passed with --config.
    public init(workers: Int = 1, config: String? = nil, data: String? = nil, extraArgs: [String] = [], env: [String: String] = [:],
         cwd: String? = nil) throws {
        let folder = data ?? NSTemporaryDirectory() + "quire-serve-" + UUID().uuidString
        ownsData = data == nil
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.data = folder
        tmp = NSTemporaryDirectory() + "quire-serve-tmp-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        var args = ["serve", "--port", "0", "--data", folder, "--workers", String(workers)]
        if let config {
            let path = folder + "/quire.yaml"
            if !FileManager.default.fileExists(atPath: path) { try config.write(toFile: path, atomically: true, encoding: .utf8) }
            args += ["--config", path]
        }
        args += extraArgs
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.quire)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd ?? TestPaths.root)
        var environment = ProcessInfo.processInfo.environment
        environment["VIRTUAL_ENV"] = TestPaths.venv
        // Stopping a server mid-run waits this long for the run before handing it back; tests
        // that are not about draining should not wait the production default of 30 s.
        environment["QUIRE_DRAIN_GRACE"] = "2"
        environment["TMPDIR"] = tmp
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        logPath = folder + "-server-\(UUID().uuidString.prefix(8)).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: logPath)
        try p.run()
        process = p
        do {
            baseURL = try Self.readURL(out, process: p, log: logPath)
        } catch {
            // A server that did not start leaves nothing behind (its log is in the error).
            let deadline = Date().addingTimeInterval(10)
            while p.isRunning && Date() < deadline { usleep(20_000) }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            try? FileManager.default.removeItem(atPath: tmp)
            try? FileManager.default.removeItem(atPath: logPath)
            if ownsData { try? FileManager.default.removeItem(atPath: folder) }
            throw error
        }
    }

    /// The first stdout line names the URL; anything else means the server did not start.
    private static func readURL(_ pipe: Pipe, process: Process, log: String) throws -> String {
        var text = ""
        let handle = pipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty {
                if !process.isRunning { break }
                continue
            }
            text += String(decoding: chunk, as: UTF8.self)
            if let r = text.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression) {
                // Keep draining stdout so the server never blocks on a full pipe.
                Thread { while !handle.availableData.isEmpty {} }.start()
                return String(text[r])
            }
        }
        process.terminate()
        let logText = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw ServeFailure(message: "quire serve did not start: stdout=\(text) log=\(logText)")
    }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM and wait: the server drains its workers and shuts its kernels down.
    public func stop(removeData: Bool = true) {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        killProcesses(mentioning: tmp, except: process.processIdentifier)
        try? FileManager.default.removeItem(atPath: tmp)
        // The log is this process's own even when the data folder was lent to it.
        if removeData {
            if ownsData { try? FileManager.default.removeItem(atPath: data) }
            try? FileManager.default.removeItem(atPath: logPath)
        }
    }

    /// A crash: SIGKILL to the server only. Its kernels are in their own process groups and are
    /// killed here too (a test must not leave orphans), as a supervisor restarting it would.
    public func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        killProcesses(mentioning: tmp, except: process.processIdentifier)
        try? FileManager.default.removeItem(atPath: tmp)
    }
}

public struct ServeFailure: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
