import Foundation
import Scheduling

/// Everything `quire serve` was told, after `quire.yaml`, `QUIRE_*` variables and flags were merged.
public struct ServeSettings: Sendable {
    public var server: ServerOptions
    /// The data folder: database and (by default) run outputs live here.
    public var dataDirectory: String
    /// Where outputs go: a folder or store URL; nil means `<data>/runs`.
    public var store: String?
    /// The run and job database (SQLite file or PostgreSQL); nil means the SQLite file `<data>/quire.db`.
    public var database: SchedulingStoreLocation?
    public var workers: Int
    /// Names this server among the processes sharing its database: embedded worker ids are
    /// `<instance>/serve-<i>`. nil: the host name on SQLite (one server per database file, so the
    /// name is stable and a restart requeues what a crash left running at once); host name and
    /// process id on PostgreSQL, where several replicas may share a host (their runs' leases
    /// expire instead). Give each replica a stable unique name (e.g. its pod name) for both.
    public var instance: String?
    public var workerLabels: [String]
    /// Seconds between an idle worker's looks at the queue (`worker_poll`).
    public var workerPoll: Double
    /// Seconds running notebooks get to finish after SIGTERM before they are handed back (`drain_grace`).
    public var drainGrace: Double = 30
    public var poolSize: Int
    public var poolIdle: Double
    /// Fork pooled ipykernel kernels from a pre-imported fork server (`ForkServers`).
    public var forkServer = true
    public var lease: Double
    public var heartbeat: Double
    /// The `quire.yaml` whose jobs are loaded, and reloaded on SIGHUP or change; nil if none.
    public var configFile: String?
    /// Allows binding a non-loopback address without tokens (trusted networks only).
    public var allowUnauthenticatedRemote: Bool

    public init(server: ServerOptions = ServerOptions(), dataDirectory: String = "quire-data", store: String? = nil,
                database: SchedulingStoreLocation? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount, workerLabels: [String] = [], workerPoll: Double = 1,
                poolSize: Int = 1, poolIdle: Double = 3600, lease: Double = 60, heartbeat: Double = 15,
                configFile: String? = nil, allowUnauthenticatedRemote: Bool = false) {
        self.server = server
        self.dataDirectory = dataDirectory
        self.store = store
        self.database = database
        self.workers = workers
        self.workerLabels = workerLabels
        self.workerPoll = workerPoll
        self.poolSize = poolSize
        self.poolIdle = poolIdle
        self.lease = lease
        self.heartbeat = heartbeat
        self.configFile = configFile
        self.allowUnauthenticatedRemote = allowUnauthenticatedRemote
    }

    /// The worker id prefix `instance` stands for.
    public var workerIDPrefix: String {
        if let instance { return instance }
        let host = ProcessInfo.processInfo.hostName
        if case .postgres? = database { return "\(host)-\(getpid())" }
        return host
    }
}
