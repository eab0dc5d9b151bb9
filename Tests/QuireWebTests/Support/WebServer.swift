import Foundation
import QuireTestSupport

/// A real `quire serve --port 0` in a temporary data folder with the web tests' notebooks copied
/// beside it; `stop()` ends it and removes both.
final class WebServer: @unchecked Sendable {
    let folder: String
    let notebooks: String
    let process: Process
    let baseURL: String
    private let logPath: String

    init(config: (String) -> String = { _ in "" }, env: [String: String] = [:]) throws {
        folder = NSTemporaryDirectory() + "quire-web-" + UUID().uuidString
        notebooks = folder + "/notebooks"
        try FileManager.default.createDirectory(atPath: notebooks, withIntermediateDirectories: true)
        let source = TestPaths.root + "/Tests/QuireWebTests/Notebooks"
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".ipynb") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: notebooks + "/" + name)
        }
        let configPath = folder + "/quire.yaml"
        try config(notebooks).write(toFile: configPath, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.quire)
        // One worker: the machine has two cores and the tests need one kernel at a time.
        p.arguments = ["serve", "--port", "0", "--data", folder + "/data", "--workers", "1", "--config", configPath]
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["VIRTUAL_ENV"] = TestPaths.venv
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        logPath = folder + "/server.log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: logPath)
        try p.run()
        process = p
        baseURL = try Self.readURL(out, process: p, log: logPath)
    }

    /// The first stdout line names the URL; a server that exits first did not start.
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
                Thread { while !handle.availableData.isEmpty {} }.start()
                return String(text[r])
            }
        }
        process.terminate()
        throw WebTestFailure("quire serve did not start: stdout=\(text) log=\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

struct WebTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
