import Foundation

/// Every option of the Quire server, as read from `quire.yaml` (see `examples/quire.yaml`),
/// then overridden by `QUIRE_*` environment variables and finally by command-line flags.
public struct QuireConfig: Sendable, Equatable {
    /// Address the HTTP server listens on.
    public var host: String = "127.0.0.1"
    /// Port the HTTP server listens on; 0 lets the OS choose.
    public var port: Int = 8080
    /// Folder for the database, run outputs and logs.
    public var data: String = "./quire-data"
    /// Store URL or folder for output notebooks; nil means `<data>/runs`.
    public var store: String?
    /// Database URL (`postgres://…`, `sqlite:…`); nil means SQLite at `<data>/quire.db`.
    public var database: String?
    /// Worker tasks embedded in the server; nil means one per processor core, 0 none.
    public var workers: Int?
    public var pool = KernelPoolSettings()
    public var lease = LeaseSettings()
    /// API tokens; an empty list means the API is open to anyone who can reach it.
    public var tokens: [AccessToken] = []
    /// Labels of the embedded workers, matched against jobs' `requires`.
    public var workerLabels: [String] = []
    /// Seconds between an idle worker's looks at the queue. Runs queued in this process, and with
    /// PostgreSQL in any process, wake workers at once; polling finds the rest (retries whose
    /// backoff ended, runs queued while a database listener was reconnecting).
    public var workerPoll: Double = 1
    /// Seconds running notebooks get to finish when a server or worker is asked to stop (SIGTERM)
    /// before they are interrupted and handed back to the queue.
    public var drainGrace: Double = 30
    public var logLevel: LogLevel = .info
    public var jobs: [JobDefinition] = []

    public init() {}

    /// Where output notebooks go: `store`, or the `runs` folder inside `data`.
    public var storeLocation: String { store ?? (data as NSString).appendingPathComponent("runs") }

    /// The database to open: `database`, or `sqlite:<data>/quire.db`.
    public var databaseLocation: String { database ?? "sqlite:" + (data as NSString).appendingPathComponent("quire.db") }

    /// The number of workers to start: `workers`, or one per processor core.
    public var workerCount: Int { workers ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// Warm kernels kept ready so that runs do not wait for a kernel to start.
public struct KernelPoolSettings: Sendable, Equatable {
    /// Idle kernels kept per kernel name; 0 disables the pool.
    public var size: Int = 1
    /// Seconds an idle kernel is kept before it is shut down.
    public var idle: Double = 3600

    public init(size: Int = 1, idle: Double = 3600) {
        self.size = size
        self.idle = idle
    }
}

/// How long a worker holds a claimed run without reporting, so that a crashed worker's runs are
/// taken over by another.
public struct LeaseSettings: Sendable, Equatable {
    /// Seconds a lease lasts without a heartbeat.
    public var duration: Double = 60
    /// Seconds between heartbeats; less than `duration`.
    public var heartbeat: Double = 15

    public init(duration: Double = 60, heartbeat: Double = 15) {
        self.duration = duration
        self.heartbeat = heartbeat
    }
}

/// The server's log verbosity (the levels of swift-log).
public enum LogLevel: String, Sendable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}
