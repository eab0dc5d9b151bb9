import Foundation

public struct WorkerOptions: Sendable {
    /// Unique among live workers on one database, and stable across restarts of the same worker
    /// when possible, so that runs a crashed process left `running` are recognised and requeued
    /// when it starts again (`reconcileAfterRestart`). Two live workers sharing an id would
    /// requeue each other's runs.
    public var id: String
    public var labels: [String]
    /// Seconds a claim stays valid without a heartbeat.
    public var lease: Double
    public var heartbeat: Double
    /// How often an idle worker looks for runs queued elsewhere.
    public var pollInterval: Duration
    /// How long a stopping worker lets a running notebook finish before interrupting it.
    public var drainGrace: Duration
    /// First and longest wait between attempts when the store fails (claims, recording an
    /// ending): doubled after each failure up to the maximum, reset after a success.
    public var errorBackoff: Duration
    public var maxErrorBackoff: Duration

    public init(id: String, labels: [String] = [], lease: Double = 60, heartbeat: Double = 15,
                pollInterval: Duration = .seconds(1), drainGrace: Duration = .seconds(30),
                errorBackoff: Duration = .milliseconds(250), maxErrorBackoff: Duration = .seconds(5)) {
        self.id = id
        self.labels = labels
        self.lease = lease
        self.heartbeat = heartbeat
        self.pollInterval = pollInterval
        self.drainGrace = drainGrace
        self.errorBackoff = errorBackoff
        self.maxErrorBackoff = maxErrorBackoff
    }
}
