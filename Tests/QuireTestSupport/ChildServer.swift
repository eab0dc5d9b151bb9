import Foundation

/// A server started by the tests: a Python helper that prints its URL on the first line of stdout
/// and exits when its stdin closes, so it never outlives the test process.
public final class ChildServer: @unchecked Sendable {
    public let url: String
    private let process: Process
    private let stdin: Pipe
    private let stdout: Pipe
    private let lock = NSLock()

    public static let root = TestPaths.root

    public static var python: String { TestPaths.python }

    public init(script: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python)
        p.arguments = [Self.root + "/Tests/python/" + script] + arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        p.environment = env
        let out = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardInput = inp
        p.standardError = FileHandle.nullDevice
        try p.run()
        // The first line is the URL; give the interpreter and moto's imports time to load.
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty || Date() > deadline {
                p.terminate()
                throw TestServerError(message: "\(script) did not start (exit \(p.isRunning ? -1 : p.terminationStatus))")
            }
            line.append(chunk)
        }
        url = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process = p
        stdin = inp
        stdout = out
    }

    /// Sends one command line to the helper and returns its one-line answer.
    public func command(_ line: String) throws -> String {
        try lock.withLock {
            try stdin.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
            var answer = Data()
            while !answer.contains(UInt8(ascii: "\n")) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { throw TestServerError(message: "the helper closed its output") }
                answer.append(chunk)
            }
            return String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Closing stdin asks the helper to exit; if another child inherited the pipe, end-of-file
    /// never comes, so after a grace period it is terminated (never an endless wait).
    public func stop() {
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        let hard = Date().addingTimeInterval(5)
        while process.isRunning && Date() < hard { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
