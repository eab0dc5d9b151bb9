/// Connects a store's "a run became claimable" news to a process's `WorkerWakeup`, so that a run
/// submitted through any `quire serve` replica (or fired by any scheduler, or requeued by any
/// reaper) starts on an idle worker in this process at once.
///
/// With PostgreSQL the database NOTIFYs on every change that queues a run, and a dedicated
/// connection LISTENs (reconnecting with backoff when the server goes away). With SQLite there is
/// nothing to follow: every writer is in one process or polls.
///
/// Workers keep polling regardless: a retry whose backoff ends later (`not_before` in the future)
/// sends no notification when it becomes due, and a notification can be missed while the listener
/// reconnects (it wakes the workers once on every reconnection to make up for that).
public enum StoreWakeups {
    /// Starts following `store` into `wakeup`; `stop()` the returned handle when the process shuts down.
    public static func follow(_ store: any SchedulingStore, into wakeup: WorkerWakeup) -> StoreFollowing {
        guard let postgres = store as? PostgresSchedulingStore else { return StoreFollowing(stop: {}) }
        let listener = postgres.listen(PostgresSchema.queueChannel,
                                       onConnected: { await wakeup.signal() },
                                       onNotification: { _ in await wakeup.signal() })
        return StoreFollowing(stop: { await listener.stop() })
    }
}

/// A running follower of store notifications (`StoreWakeups.follow`, `StoreEventRelay.start`).
public struct StoreFollowing: Sendable {
    private let stopper: @Sendable () async -> Void

    init(stop: @escaping @Sendable () async -> Void) { stopper = stop }

    /// Stops following and closes its connection; returns when it has ended.
    public func stop() async { await stopper() }
}
