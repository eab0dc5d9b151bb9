import Foundation
import JupyterKernel
import Logging
import NotebookStorage
import Scheduling
import Synchronization

/// `quire worker`: workers without an HTTP server, on the database and output store a `quire
/// serve --workers 0` (or several) also uses.
public enum QuireWorkerRuntime {
    /// Runs until SIGTERM/SIGINT, then drains: no new claims, running notebooks get the drain
    /// grace to finish and are then interrupted and handed back; a second signal hands back at
    /// once. `onReady` gets the worker id prefix once the workers are about to claim.
    public static func run(_ settings: WorkerSettings, logger: Logger,
                           onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        if case .sqlite(let path) = settings.database, !FileManager.default.fileExists(atPath: path) {
            throw WorkerError.sqliteDatabaseMissing(path: path)
        }
        // This process drains on SIGTERM: its kernels must not be killed the moment it arrives.
        KernelSignalCleanup.leaveToHost()
        ShutdownSignals.install()
        let resolver = StoreResolver()
        let output = try OutputRoot.resolve(settings.store, resolver: resolver)
        let store = try await settings.database.open(logger: logger, operationTimeout: .milliseconds(Int(settings.databaseTimeout * 1000)))

        // Idle workers wake on NOTIFY when a run is queued anywhere (PostgreSQL; with SQLite they
        // poll), and live progress goes through the database to whichever replica a browser watches.
        let wakeup = WorkerWakeup()
        let wakeups = StoreWakeups.follow(store, into: wakeup)
        let sink = StoreEventSink(store: store, logger: logger)

        let fleet = WorkerFleet(
            .init(count: settings.concurrency, idPrefix: settings.idPrefix, kind: "worker", labels: settings.labels,
                  lease: settings.lease, heartbeat: settings.heartbeat, poll: settings.poll, drainGrace: .milliseconds(Int(settings.drainGrace * 1000)),
                  poolSize: settings.poolSize, poolIdle: settings.poolIdle),
            store: store, output: output, resolver: resolver, kernels: KernelSpecFinder(), events: sink, wakeup: wakeup,
            logger: logger)
        do { try await fleet.reconcile() } catch {
            await wakeups.stop()
            await (store as? PostgresSchedulingStore)?.shutdown()
            throw WorkerError.cannotStart(reason: "cannot requeue runs left by a previous \(settings.idPrefix): \(error)")
        }
        onReady(settings.idPrefix)

        let done = Atomic<Bool>(false)
        let runner = Task {
            await fleet.run()
            done.store(true, ordering: .relaxed)
        }
        var handled = 0
        while !done.load(ordering: .relaxed) {
            let received = ShutdownSignals.received
            if received > handled {
                handled = received
                logger.notice(handled == 1
                    ? "draining: no new runs; running notebooks get \(settings.drainGrace) s, then go back to the queue"
                    : "hurrying: running notebooks go back to the queue now")
                await fleet.stop()
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        await runner.value
        // The last events (a run's end among them) reach the viewers before the process goes.
        await sink.flush(within: .seconds(10))
        await wakeups.stop()
        await fleet.shutDown()
        await (store as? PostgresSchedulingStore)?.shutdown()
    }
}
