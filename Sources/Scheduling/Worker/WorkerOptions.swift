import Foundation

public struct WorkerOptions: Sendable {
    /// Unique per worker and stable across restarts of the same embedded worker, so that runs a
    /// crashed process left `running` can be recognised and requeued when it starts again.
    public var id: String
    public var labels: [String]
    /// Seconds a claim stays valid without a heartbeat.
    public var lease: Double
    public var heartbeat: Double
    /// How often an idle worker looks for runs queued elsewhere.
    public var pollInterval: Duration
    /// How long a stopping worker lets a running notebook finish before interrupting it.
    public var drainGrace: Duration

    public init(id: String, labels: [String] = [], lease: Double = 60, heartbeat: Double = 15,
                pollInterval: Duration = .seconds(1), drainGrace: Duration = .seconds(30)) {
        self.id = id
        self.labels = labels
        self.lease = lease
        self.heartbeat = heartbeat
        self.pollInterval = pollInterval
        self.drainGrace = drainGrace
    }
}
