import Foundation
import QuireTestSupport

/// A real `quire serve --port 0` in a temporary data folder with the web tests' notebooks copied
/// beside it; `stop()` ends it and removes both.
final class WebServer: @unchecked Sendable {
    let folder: String
    let notebooks: String
    let server: ServeProcess

    var process: Process { server.process }
    var baseURL: String { server.baseURL }
    var log: String { server.log }

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
        // One worker: the machine has two cores and the tests need one kernel at a time.
        server = try ServeProcess(workers: 1, data: folder + "/data", extraArgs: ["--config", configPath], env: env, cwd: folder)
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

struct WebTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
