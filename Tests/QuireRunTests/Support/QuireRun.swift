import Foundation
import QuireTestSupport

/// Locations the run tests need: the repository, the built `quire`, the venv and the shared folder.
enum Paths {
    static let root = TestPaths.root
    static let shared = TestPaths.shared

    static let nbclientCorpus = shared + "/corpus/nbclient"
    static let papermillCorpus = shared + "/corpus/papermill/notebooks"
    static let venv = root + "/.venv"
    static let notebooks = root + "/Tests/QuireRunTests/Notebooks"

    static let quire = TestPaths.quire
}

/// The outcome of one child process.
struct ProcessResult: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
    /// From spawn to exit: excludes the wait for a free slot in `ProcessLimiter`.
    var elapsed: Duration = .zero
}

/// Runs child processes without blocking the cooperative pool, at most `limit` at a time (each
/// `quire run` starts a kernel; on 2 cores more than a few at once only adds contention).
actor ProcessLimiter {
    static let shared = ProcessLimiter(limit: 4)
    private let limit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    init(limit: Int) { self.limit = limit }

    func acquire() async {
        if running < limit { running += 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { running -= 1 } else { waiters.removeFirst().resume() }
    }
}

enum Run {
    /// Runs `executable args`; stdout and stderr go to files so no pipe can fill up. The kernel
    /// search starts from the repository's `.venv` (VIRTUAL_ENV), whatever the test's cwd.
    static func process(_ executable: String, _ args: [String], cwd: String? = nil,
                        env extra: [String: String] = [:]) async throws -> ProcessResult {
        await ProcessLimiter.shared.acquire()
        defer { Task { await ProcessLimiter.shared.release() } }
        let dir = TempDir()
        let outURL = URL(fileURLWithPath: dir.path + "/stdout"), errURL = URL(fileURLWithPath: dir.path + "/stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd ?? Paths.root)
        var env = ProcessInfo.processInfo.environment
        env["VIRTUAL_ENV"] = Paths.venv
        env["PATH"] = Paths.venv + "/bin:" + (env["PATH"] ?? "/usr/bin:/bin")
        for (k, v) in extra { env[k] = v }
        p.environment = env
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        p.standardInput = FileHandle.nullDevice
        let spawned = ContinuousClock.now
        let status: Int32 = try await withCheckedThrowingContinuation { cont in
            p.terminationHandler = { cont.resume(returning: $0.terminationStatus) }
            do { try p.run() } catch { p.terminationHandler = nil; cont.resume(throwing: error) }
        }
        return ProcessResult(status: status,
                             stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                             elapsed: .now - spawned)
    }

    /// `quire ARGS`.
    static func quire(_ args: [String], cwd: String? = nil) async throws -> ProcessResult {
        try await process(Paths.quire, args, cwd: cwd)
    }

    /// `.venv/bin/papermill ARGS`.
    static func papermill(_ args: [String], cwd: String? = nil) async throws -> ProcessResult {
        try await process(Paths.venv + "/bin/papermill", args, cwd: cwd)
    }
}

/// A temporary folder removed when the last reference goes away.
final class TempDir: Sendable {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "quire-run-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
