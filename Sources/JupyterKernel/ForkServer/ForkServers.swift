import Foundation
import Glibc
import Logging
import Synchronization

/// Pre-imported ipykernel launchers: one fork server per (interpreter with its options,
/// environment), started on first use, forking a fresh kernel per launch. A kernel then costs
/// IPKernelApp's initialisation only, not a Python start-up plus ipykernel's imports (on the
/// reference machine about 0.04 s of CPU instead of 0.33 s).
///
/// Set `LaunchOptions.forkServers` to use it; `KernelPool` does so for every kernel it starts.
/// Only kernelspecs of the standard form `<python> [-X...] -m ipykernel_launcher -f
/// {connection_file}` are forked; any other spec, and any fork server failure, falls back to the
/// normal launch with the reason logged. The environment is part of the key because Python and
/// some modules read it while importing (`PYTHONPATH`, `PYTHONHASHSEED`, debugpy's `PYDEVD_*`);
/// the working directory is applied per kernel.
///
/// Kernels from one fork server share its string hash seed (fixed when the interpreter started,
/// it cannot be re-drawn after a fork); `random` and everything else seeded at import are re-seeded.
public final class ForkServers: Sendable {
    private struct Key: Hashable {
        let interpreter: [String]
        let environment: [String: String]
    }

    private struct State {
        var servers: [Key: Task<ForkServer, any Error>] = [:]
        /// Keys whose fork server refused to start: not retried, launched normally.
        var refused: [Key: String] = [:]
        /// Argv shapes already logged as not forkable (logged once each).
        var loggedArgv: Set<[String]> = []
        var closed = false
    }

    private let state = Mutex(State())
    private let logger = Logger(label: "quire.kernel.forkserver")

    public init() {}

    /// Forks the kernel of `argv` (resolved, placeholders substituted), or returns nil after logging
    /// why the caller must launch it normally.
    func launch(
        argv: [String], connectionFile: String, environment: [String: String], workingDirectory: String,
        logPath: String, runtimeParent: String, readyTimeout: Duration, runtimeFiles: [String]
    ) async -> KernelProcess? {
        let kernel: ForkableKernel
        switch ForkableKernel.parse(argv, connectionFile: connectionFile) {
        case .success(let k): kernel = k
        case .failure(let reason):
            let shape = argv.filter { $0 != connectionFile }
            if state.withLock({ $0.loggedArgv.insert(shape).inserted }) {
                logger.info(
                    "kernel launched without fork server",
                    metadata: ["argv": "\(argv.joined(separator: " "))", "reason": "\(reason)"])
            }
            return nil
        }
        let key = Key(interpreter: kernel.interpreter, environment: environment)
        // A second attempt only when the first found its fork server dead: that one is replaced.
        for _ in 0..<2 {
            let task: Task<ForkServer, any Error>
            switch server(for: key, runtimeParent: runtimeParent, readyTimeout: readyTimeout) {
            case .success(let t): task = t
            case .failure(let reason):
                logger.debug("kernel launched without fork server", metadata: ["reason": "\(reason)"])
                return nil
            }
            let server: ForkServer
            do {
                server = try await task.value
            } catch {
                state.withLock { s in
                    s.refused[key] = "\(error)"
                    if s.servers[key] == task { s.servers[key] = nil }
                }
                logger.warning("fork server did not start; launching kernels normally", metadata: ["error": "\(error)"])
                return nil
            }
            do {
                let pid = try await server.launch(
                    module: kernel.module, arguments: kernel.arguments, workingDirectory: workingDirectory,
                    environment: environment, logPath: logPath, runtimeFiles: runtimeFiles)
                return KernelProcess.forked(pid: pid, server: server, logPath: logPath)
            } catch {
                guard let failure = server.failure else {
                    // Alive but refused this one launch (e.g. a missing working directory).
                    logger.warning("fork server refused a launch; launching normally", metadata: ["error": "\(error)"])
                    return nil
                }
                state.withLock { s in if s.servers[key] == task { s.servers[key] = nil } }
                logger.warning("fork server gone; starting another", metadata: ["reason": "\(failure)"])
            }
        }
        return nil
    }

    private func server(for key: Key, runtimeParent: String, readyTimeout: Duration) -> Result<Task<ForkServer, any Error>, NotForkable> {
        state.withLock { s in
            if s.closed { return .failure(NotForkable("fork servers shut down")) }
            if let reason = s.refused[key] { return .failure(NotForkable("fork server refused to start: \(reason)")) }
            if let existing = s.servers[key] { return .success(existing) }
            let task = Task {
                try await ForkServer.start(
                    interpreter: key.interpreter, environment: key.environment, runtimeParent: runtimeParent,
                    readyTimeout: readyTimeout)
            }
            s.servers[key] = task
            return .success(task)
        }
    }

    /// No more forks (later launches go the normal way). Each fork server exits once the kernels it
    /// forked are gone; this waits for those with no kernel left, so none is left behind when every
    /// kernel was shut down first.
    public func shutdown() async {
        let tasks = state.withLock { s in
            s.closed = true
            defer { s.servers = [:] }
            return Array(s.servers.values)
        }
        var idle: [ForkServer] = []
        for task in tasks {
            guard let server = try? await task.value else { continue }
            server.close()
            if !server.hasRunningKernels { idle.append(server) }
        }
        for server in idle {
            let deadline = ContinuousClock.now + .seconds(10)
            while !server.isReaped, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
            if !server.isReaped { killpg(server.pid, SIGKILL) }
        }
    }
}
