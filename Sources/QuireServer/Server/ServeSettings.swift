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
    public var workerLabels: [String]
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
                database: SchedulingStoreLocation? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount, workerLabels: [String] = [],
                poolSize: Int = 1, poolIdle: Double = 3600, lease: Double = 60, heartbeat: Double = 15,
                configFile: String? = nil, allowUnauthenticatedRemote: Bool = false) {
        self.server = server
        self.dataDirectory = dataDirectory
        self.store = store
        self.database = database
        self.workers = workers
        self.workerLabels = workerLabels
        self.poolSize = poolSize
        self.poolIdle = poolIdle
        self.lease = lease
        self.heartbeat = heartbeat
        self.configFile = configFile
        self.allowUnauthenticatedRemote = allowUnauthenticatedRemote
    }
}
