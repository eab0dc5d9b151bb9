/// What a worker learns when it renews its lease.
public struct HeartbeatResult: Sendable, Equatable {
    /// False once the run was taken from this worker (lease reaped, run finished or re-claimed):
    /// the worker must stop and must not write the run's outcome.
    public var leaseHeld: Bool
    /// A user asked to cancel the run: the worker should interrupt it and finish it as cancelled.
    public var cancelRequested: Bool

    public init(leaseHeld: Bool, cancelRequested: Bool) {
        self.leaseHeld = leaseHeld
        self.cancelRequested = cancelRequested
    }
}
