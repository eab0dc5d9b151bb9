import Foundation

/// Where every test suite finds the checkout, the shared reference folder, the Python venv made by
/// `scripts/bootstrap`, and the built `quire` executable.
public enum TestPaths {
    /// The folder holding Package.swift, found upwards from this file.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `<root>/../shared` in a checkout; a git worktree elsewhere falls back to `/work/shared`.
    public static let shared: String = {
        for candidate in ["\(root)/../shared", "/work/shared"]
        where FileManager.default.fileExists(atPath: "\(candidate)/reference") {
            return URL(fileURLWithPath: candidate).standardizedFileURL.path
        }
        fatalError("shared/ not found beside \(root) nor at /work/shared")
    }()

    public static var corpus: String { "\(shared)/corpus" }
    public static var venv: String { "\(root)/.venv" }
    public static var python: String { "\(venv)/bin/python" }
    /// Python helpers the tests run (reference computations by the real Python libraries).
    public static var pythonScripts: String { "\(root)/Tests/python" }

    /// `QUIRE_BIN` wins; otherwise the `quire` built beside the test bundle, else `.build/debug/quire`.
    public static let quire: String = {
        if let p = ProcessInfo.processInfo.environment["QUIRE_BIN"] { return p }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("quire").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "\(root)/.build/debug/quire"
    }()
}
