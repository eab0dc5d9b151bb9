import Foundation
import Scheduling

/// Everything `quire worker` was told, after `quire.yaml`, `QUIRE_*` variables and flags were merged.
public struct WorkerSettings: Sendable {
    /// The run database shared with `quire serve` (PostgreSQL, or a SQLite file on this machine).
    public var database: SchedulingStoreLocation
    /// Where output notebooks go: a folder or s3://bucket/prefix, the same as the servers'.
    public var store: String
    /// Notebooks run at once (one `Worker` each).
    public var concurrency: Int
    /// Matched against jobs' `requires`: a run is claimed only if this list has all its labels.
    public var labels: [String]
    /// Worker id prefix; nil means `<host>-<pid>` (see `idPrefix`).
    public var id: String?
    public var poolSize: Int
    public var poolIdle: Double
    public var lease: Double
    public var heartbeat: Double
    /// Seconds a draining worker lets running notebooks finish before handing them back.
    public var drainGrace: Double
    /// Seconds one database operation may take before it counts as failed (PostgreSQL).
    public var databaseTimeout: Double = 15
    /// Seconds between an idle worker's looks at the queue; with PostgreSQL a NOTIFY wakes it sooner.
    public var poll: Double = 1

    public init(database: SchedulingStoreLocation, store: String, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                labels: [String] = [], id: String? = nil, poolSize: Int = 1, poolIdle: Double = 3600, lease: Double = 60,
                heartbeat: Double = 15, drainGrace: Double = 30) {
        self.database = database
        self.store = store
        self.concurrency = concurrency
        self.labels = labels
        self.id = id
        self.poolSize = poolSize
        self.poolIdle = poolIdle
        self.lease = lease
        self.heartbeat = heartbeat
        self.drainGrace = drainGrace
    }

    /// Worker ids are `<idPrefix>/worker-<i>`. The default, host name and process id, is unique
    /// even with several workers on one host, but a restarted process gets a new one, so what a
    /// crashed process left running is requeued when its leases expire; a stable `id` (unique
    /// per process) lets the restarted process requeue it at once.
    public var idPrefix: String { id ?? "\(ProcessInfo.processInfo.hostName)-\(getpid())" }
}
