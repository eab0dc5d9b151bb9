import Foundation
import QuireTestSupport

/// Runs the `quire` executable to completion (client commands, failing `serve` invocations).
enum Quire {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ args: [String], env: [String: String] = [:], timeout: TimeInterval = 300) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.quire)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: TestPaths.root)
        var environment = ProcessInfo.processInfo.environment
        environment["VIRTUAL_ENV"] = TestPaths.venv
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let folder = NSTemporaryDirectory() + "quire-cli-" + UUID().uuidString
        FileManager.default.createFile(atPath: folder + ".out", contents: nil)
        FileManager.default.createFile(atPath: folder + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: folder + ".out")
            try? FileManager.default.removeItem(atPath: folder + ".err")
        }
        p.standardOutput = FileHandle(forWritingAtPath: folder + ".out")
        p.standardError = FileHandle(forWritingAtPath: folder + ".err")
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: (try? String(contentsOfFile: folder + ".out", encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: folder + ".err", encoding: .utf8)) ?? "")
    }
}
