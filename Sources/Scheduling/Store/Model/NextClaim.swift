/// A worker that will take another run as soon as this one ends asks for it with the finish, so
/// that both happen in one transaction and one durable commit (`SchedulingStore.finish(…,
/// claimingNext:)`). The claim is the ordinary one — `labels` and `lease` as `claim` takes them,
/// for the worker that finishes.
public struct NextClaim: Sendable, Equatable {
    public var labels: [String]
    /// Seconds, counted from the finish's `now`.
    public var lease: Double

    public init(labels: [String], lease: Double) {
        self.labels = labels
        self.lease = lease
    }
}

/// What `finish(…, claimingNext:)` did: the run it ended (or queued again for a retry) and the
/// run it claimed next, if one was ready.
public struct FinishAndClaim: Sendable, Equatable {
    public var finished: RunRecord
    public var next: RunRecord?

    public init(finished: RunRecord, next: RunRecord?) {
        self.finished = finished
        self.next = next
    }
}
