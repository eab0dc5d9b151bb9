import Foundation
import JupyterKernel
import Logging
import NotebookStorage
import Scheduling

/// The workers of one process — embedded in `quire serve` or alone in `quire worker` — sharing
/// one warm kernel pool, one output store and one wake-up. Worker `i` is `<idPrefix>/<kind>-<i>`.
struct WorkerFleet: Sendable {
    let workers: [Worker]
    let environment: WorkerEnvironment
    /// Warm kernels; nil without workers or with a pool size of 0.
    let pool: KernelPool?
    let store: any SchedulingStore
    let logger: Logger

    struct Options: Sendable {
        var count: Int
        var idPrefix: String
        var kind: String
        var labels: [String]
        var lease: Double
        var heartbeat: Double
        /// Seconds between an idle worker's looks at the queue (wake-ups aside).
        var poll: Double = 1
        var drainGrace: Duration = .seconds(30)
        var poolSize: Int
        var poolIdle: Double
        /// Fork pooled ipykernel kernels from a pre-imported fork server (see `ForkServers`).
        var forkServer: Bool = true
    }

    init(_ o: Options, store: any SchedulingStore, output: OutputRoot, resolver: StoreResolver, kernels: KernelSpecFinder,
         events: any RunEventSink, wakeup: WorkerWakeup, logger: Logger) {
        pool = o.count > 0 && o.poolSize > 0
            ? KernelPool(size: o.poolSize, idleTimeout: .seconds(o.poolIdle), forkServer: o.forkServer, launchOptions: { _ in PoolLaunch.options() })
            : nil
        let environment = WorkerEnvironment(resolver: resolver, outputStore: output.store, outputPrefix: output.prefix,
                                            pool: pool, kernels: kernels)
        self.environment = environment
        workers = (0..<o.count).map { i in
            Worker(store: store, environment: environment,
                   options: WorkerOptions(id: "\(o.idPrefix)/\(o.kind)-\(i)", labels: o.labels, lease: o.lease,
                                          heartbeat: o.heartbeat,
                                          // Clamped: a poll beyond a year is no poll, and must not overflow the timer.
                                          pollInterval: .milliseconds(Int(min(o.poll, 3.2e7) * 1000)), drainGrace: o.drainGrace),
                   events: events, wakeup: wakeup, logger: logger)
        }
        self.store = store
        self.logger = logger
    }

    /// Runs a previous process of these same workers (same ids) left `running` go back to the
    /// queue now rather than after their leases expire.
    func reconcile() async throws {
        for w in workers {
            let now = Date()
            for run in try await store.reconcileAfterRestart(worker: w.options.id, now: now, retryAt: { LeaseExpiry.retryAt(for: $0, now: now) }) {
                logger.warning("run \(run.id) was left running by a previous \(w.options.id); now \(run.status.rawValue)")
            }
        }
    }

    /// Runs every worker until each is stopped and done with its run.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for w in workers { group.addTask { await w.run() } }
        }
    }

    /// Stops claiming; running notebooks get the drain grace, then are handed back. A second call
    /// hands back at once.
    func stop() async {
        for w in workers { await w.stop() }
    }

    /// After `run` returned: no kernel outlives the process.
    func shutDown() async {
        await environment.reaper.drain()
        await pool?.shutdownAll()
    }
}
