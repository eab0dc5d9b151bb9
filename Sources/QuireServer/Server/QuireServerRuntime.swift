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
        // SIGTERM drains the workers (below) instead of killing their kernels mid-run: a restart or
        // a deploy hands running notebooks back to the queue after `drain_grace` at worst.
        KernelSignalCleanup.leaveToHost()
        let store = try await (settings.database ?? .sqlite(path: data + "/quire.db")).open(logger: logger)
        let resolver = StoreResolver()
        let output = try OutputRoot.resolve(settings.store ?? data + "/runs", resolver: resolver)
        // With PostgreSQL, workers and viewers may be in other processes: events go through the
        // database to every replica's hub, and queue changes anywhere wake the workers here. With
        // SQLite they stay in memory, as fast as before.
        let shared = store is PostgresSchedulingStore
        let hub = shared ? RunEventHub(keep: 0) : RunEventHub()
        let wakeup = WorkerWakeup()
        let storeSink = shared ? StoreEventSink(store: store, logger: logger) : nil
        let relay = shared ? StoreEventRelay(store: store, into: hub, logger: logger) : nil
        let metrics = ServerMetrics()
        let kernels = KernelSpecFinder()
        let sink = ServerEventSink(forward: storeSink ?? hub, metrics: metrics, store: store)
        let fleet = WorkerFleet(
            .init(count: settings.workers, idPrefix: settings.workerIDPrefix, kind: "serve", labels: settings.workerLabels,
                  lease: settings.lease, heartbeat: settings.heartbeat, poll: settings.workerPoll,
                  drainGrace: .milliseconds(Int(settings.drainGrace * 1000)), poolSize: settings.poolSize,
                  poolIdle: settings.poolIdle, forkServer: settings.forkServer),
            store: store, output: output, resolver: resolver, kernels: kernels, events: sink, wakeup: wakeup, logger: logger)
        let jobs = JobService(store: store, configFile: settings.configFile, logger: logger)
        try await jobs.load()
        let state = ServerState(store: store, hub: hub, relay: relay, wakeup: wakeup, check: NotebookCheck(resolver: resolver, kernels: kernels),
                                outputStore: output.store, outputPrefix: output.prefix, pool: fleet.pool, jobs: jobs, metrics: metrics, options: settings.server)
        try await fleet.reconcile()
        let scheduler = Scheduler(store: store, wakeup: wakeup, logger: logger)
        // Without workers nothing here waits for runs: no listening connection.
        let wakeups = settings.workers > 0 ? StoreWakeups.follow(store, into: wakeup) : nil
        await relay?.start()
        let app = QuireHTTPApp.make(state: state, logger: logger, onListening: onListening)

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await fleet.run() }
            group.addTask { await scheduler.run() }
            let watcher = Task { await jobs.watch() }
            do { try await app.runService() } catch { logger.error("HTTP server stopped: \(error)") }
            watcher.cancel()
            await scheduler.stop()
            await fleet.stop()
            await group.waitForAll()
        }
        await storeSink?.flush(within: .seconds(10))
        await relay?.stop()
        await wakeups?.stop()
        await fleet.shutDown()
        await (store as? PostgresSchedulingStore)?.shutdown()
    }
}
