import Foundation
import Hummingbird
import JupyterKernel
import Logging
import NotebookStorage
import Scheduling

/// `quire serve`: the HTTP API, the scheduler and N embedded workers in one process, on an
/// embedded SQLite database and a local output folder unless told otherwise.
public enum QuireServerRuntime {
    /// Runs until SIGINT/SIGTERM, then drains: workers finish (or hand back) their runs, the
    /// warm kernels are shut down. `onListening` receives the bound port (useful with port 0).
    public static func run(_ settings: ServeSettings, logger: Logger,
                           onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        guard settings.server.isLoopback || !settings.server.tokens.isEmpty || settings.allowUnauthenticatedRemote else {
            throw ServeError.unprotectedRemoteBind(host: settings.server.host)
        }
        let data = URL(fileURLWithPath: settings.dataDirectory).standardizedFileURL.path
        do { try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true) } catch {
            throw ServeError.dataDirectory(path: data, reason: "\(error)")
        }
        let store = try await (settings.database ?? .sqlite(path: data + "/quire.db")).open(logger: logger)
        let resolver = StoreResolver()
        let output = try OutputRoot.resolve(settings.store ?? data + "/runs", resolver: resolver)
        let hub = RunEventHub()
        let wakeup = WorkerWakeup()
        let metrics = ServerMetrics()
        let kernels = KernelSpecFinder()
        let pool = settings.workers > 0 && settings.poolSize > 0
            ? KernelPool(size: settings.poolSize, idleTimeout: .seconds(settings.poolIdle), forkServer: settings.forkServer,
                         launchOptions: { _ in PoolLaunch.options() })
            : nil
        let jobs = JobService(store: store, configFile: settings.configFile, logger: logger)
        try await jobs.load()
        let state = ServerState(store: store, hub: hub, wakeup: wakeup, check: NotebookCheck(resolver: resolver, kernels: kernels),
                                outputStore: output.store, outputPrefix: output.prefix, pool: pool, jobs: jobs, metrics: metrics, options: settings.server)
        let environment = WorkerEnvironment(resolver: resolver, outputStore: output.store, outputPrefix: output.prefix, pool: pool, kernels: kernels)
        let sink = ServerEventSink(hub: hub, metrics: metrics, store: store)
        let host = ProcessInfo.processInfo.hostName
        let workers = (0..<settings.workers).map { i in
            Worker(store: store, environment: environment,
                   options: WorkerOptions(id: "\(host)/serve-\(i)", labels: settings.workerLabels, lease: settings.lease, heartbeat: settings.heartbeat),
                   events: sink, wakeup: wakeup, logger: logger)
        }
        // Runs a previous process of these same workers left `running` go back to the queue now
        // rather than after their leases expire.
        for w in workers {
            let now = Date()
            for run in try await store.reconcileAfterRestart(worker: w.options.id, now: now, retryAt: { LeaseExpiry.retryAt(for: $0, now: now) }) {
                logger.warning("run \(run.id) was left running by a previous process; now \(run.status.rawValue)")
            }
        }
        let scheduler = Scheduler(store: store, wakeup: wakeup, logger: logger)
        let app = QuireHTTPApp.make(state: state, logger: logger, onListening: onListening)

        await withTaskGroup(of: Void.self) { group in
            for w in workers { group.addTask { await w.run() } }
            group.addTask { await scheduler.run() }
            let watcher = Task { await jobs.watch() }
            do { try await app.runService() } catch { logger.error("HTTP server stopped: \(error)") }
            watcher.cancel()
            await scheduler.stop()
            for w in workers { await w.stop() }
            await group.waitForAll()
        }
        await environment.reaper.drain()
        await pool?.shutdownAll()
        await (store as? PostgresSchedulingStore)?.shutdown()
    }
}

/// Kernels started ahead of any run: a neutral working directory; each run's own folder and
/// environment are applied by the run prelude before its first cell.
enum PoolLaunch {
    static func options() -> LaunchOptions {
        var o = LaunchOptions()
        o.workingDirectory = NSTemporaryDirectory()
        o.environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        for key in o.environment.keys where key.hasPrefix("QUIRE_") { o.environment[key] = nil }
        return o
    }
}
