import Foundation
import QuireTestSupport
import JupyterKernel
import NotebookFormat
import Testing

/// Paths and helpers shared by the kernel tests. Kernels come from the repo's `.venv`
/// (`scripts/bootstrap`); a missing venv is a failure, never a skip.
enum TestSupport {
    static let repoRoot = TestPaths.root
    /// Resolved like Python resolves sys.prefix (the checkout's .venv may be a symlink).
    static let venv = URL(fileURLWithPath: repoRoot + "/.venv").resolvingSymlinksInPath().path
    static let python = venv + "/bin/python"

    /// Discovery rooted at the repo's venv, independent of the caller's shell.
    static var finder: KernelSpecFinder {
        var env = ProcessInfo.processInfo.environment
        env["VIRTUAL_ENV"] = venv
        return KernelSpecFinder(environment: env, workingDirectory: repoRoot)
    }

    static func spec(_ name: String) throws -> KernelSpec {
        #expect(FileManager.default.isExecutableFile(atPath: python), "run scripts/bootstrap to create .venv")
        return try finder.find(name)
    }

    /// Starts a kernel, runs `body`, and always shuts the kernel down.
    static func withKernel<T: Sendable>(
        _ name: String = "python3", options: LaunchOptions = LaunchOptions(),
        _ body: (KernelClient) async throws -> T
    ) async throws -> T {
        let client = try await KernelClient.start(try spec(name), options: options)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Runs a Python script with the venv's interpreter and returns its stdout.
    static func runPython(_ script: String, arguments: [String] = [], environment: [String: String]? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + arguments
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw TestFailure("python failed (\(p.terminationStatus)): \(String(decoding: errData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A fresh temp directory, removed by the caller with `removeTemp`.
    static func makeTemp() throws -> String {
        let path = NSTemporaryDirectory() + "quire-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func removeTemp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Text of all stream outputs of a given name, concatenated.
    static func streamText(_ result: ExecutionResult, _ name: String = "stdout") -> String {
        result.outputs.filter { $0.msgType == "stream" && $0.content["name"]?.stringValue == name }
            .compactMap { $0.content["text"]?.stringValue }.joined()
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Process state from /proc: nil when the pid no longer exists, "Z" for a zombie.
func processState(_ pid: Int32) -> String? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    return stat[stat.index(close, offsetBy: 2)...].split(separator: " ").first.map(String.init)
}

/// Every kernel suite is nested here and runs one test at a time: on a 2-core machine a dozen
/// kernels streaming at once starve the readers, and a starved reader makes the kernel's own
/// iopub PUB drop messages (seen: 189 of 2 000 displays lost). Serial, the module takes about a minute.
@Suite(.serialized) struct KernelTests {}
