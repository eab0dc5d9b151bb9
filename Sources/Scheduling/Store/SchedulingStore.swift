import Foundation

/// The run and job database shared by the API, the scheduler and the workers. One protocol for the
/// embedded SQLite backend and the scale-out PostgreSQL one; `Tests/SchedulingStoreTests` is its
/// conformance suite. Every status change is recorded as a `RunTransition`. Times are passed in
/// (`now`) so that callers and tests control the clock.
public protocol SchedulingStore: Sendable {
    // MARK: Runs

    /// Creates a queued run. With an `idempotencyKey`, a second call from the same owner returns the
    /// first run and `created: false`.
    func createRun(_ new: NewRun, now: Date) async throws -> (run: RunRecord, created: Bool)
    /// Creates the run of a cron slot (`new.job` and `new.scheduledFor` required), exactly once per
    /// (job, slot) across restarts and processes; nil when that slot already has a run.
    func fireSlot(_ new: NewRun, now: Date) async throws -> RunRecord?
    /// The latest slot fired for `job`, so a restarted scheduler resumes after it.
    func lastScheduledSlot(job: String) async throws -> Date?
    func run(_ id: RunID) async throws -> RunRecord?
    /// Newest first, `limit` in 1...500, paging with the cursor of the previous page.
    func listRuns(_ filter: RunFilter, limit: Int, cursor: String?) async throws -> RunPage
    /// Status changes of a run, oldest first; empty for an unknown run.
    func transitions(_ id: RunID) async throws -> [RunTransition]
    /// Queued and running runs of `job`, oldest first (for concurrency policies).
    func activeRuns(job: String) async throws -> [RunRecord]

    // MARK: Queue

    /// Atomically takes the queued run ready the longest (earliest `notBefore` not after `now`, then
    /// oldest id) whose required labels the worker has: it becomes `running` under `worker` with a
    /// lease of `lease` seconds, `attempt` + 1, `started` set on the first attempt.
    func claim(worker: String, labels: [String], lease: Double, now: Date) async throws -> RunRecord?
    /// Renews the lease of a run this worker holds; reports a lost lease or a cancel request.
    func heartbeat(_ id: RunID, worker: String, lease: Double, now: Date) async throws -> HeartbeatResult
    /// Records what the worker learned while running; nil leaves a field unchanged. Lease holder only.
    func setRunDetails(
        _ id: RunID, worker: String, kernelResolved: String?, inputSHA256: String?, inputSnapshot: String?,
        output: String?
    ) async throws
    /// Ends the current attempt. A failure or timeout with `retryAt` and attempts left goes back to
    /// `queued` until `retryAt`; anything else is final. Lease holder only (`leaseLost` otherwise).
    /// Then, when `next` is given, `claim` for the same worker with `next`'s labels and lease at
    /// the same `now`, in the same transaction: a worker that goes on to its next run pays one
    /// durable commit per run instead of two. When the finish is refused nothing is claimed. The
    /// run just finished is never the one claimed, even when it was queued again for a retry that
    /// is already due (the worker that failed it should not take it straight back).
    func finish(_ id: RunID, worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date,
                claimingNext next: NextClaim?) async throws -> FinishAndClaim
    /// Gives a running run back to the queue without ending its attempt's budget (a worker
    /// draining on shutdown): queued again at once, `maxAttempts` + 1; cancelled instead if a
    /// cancel was requested. Lease holder only (`leaseLost` otherwise).
    func handBack(_ id: RunID, worker: String, reason: String, now: Date) async throws -> RunRecord
    /// A queued run is cancelled at once; a running one gets `cancelRequested` (its worker sees it
    /// on the next heartbeat); a finished one is `alreadyFinished`.
    func requestCancel(_ id: RunID, now: Date) async throws -> RunRecord
    /// Running runs whose lease ran out before `now` are requeued when `retryAt` gives a date (the
    /// caller's policy decides, attempts included), else failed with `WorkerLost` (cancelled if a
    /// cancel was requested). Returns the runs changed.
    func expireLeases(now: Date, retryAt: (RunRecord) -> Date?) async throws -> [RunRecord]
    /// Runs `running` under `worker`, oldest first. A worker asks after a claim or a
    /// finish-and-claim failed in transit: the database may have committed a claim whose answer
    /// never arrived, and that run is the worker's to execute.
    func runsHeld(by worker: String) async throws -> [RunRecord]
    /// Runs left `running` under `worker` by a previous process of that worker are treated as
    /// expired leases.
    func reconcileAfterRestart(worker: String, now: Date, retryAt: (RunRecord) -> Date?) async throws -> [RunRecord]

    // MARK: Live events

    /// Appends run events in order, in one transaction, and returns them with `sequence` set
    /// (ascending in append order). PostgreSQL also notifies listening processes (channel
    /// `quire_events`, payload the run id) so that every replica can relay them to its viewers.
    func appendEvents(_ events: [RunEvent]) async throws -> [RunEvent]
    /// Events of `run` with a sequence after `after` (0: from the start), oldest first, at most
    /// `limit` (1...500, as listings).
    func events(of run: RunID, after: Int64, limit: Int) async throws -> [RunEvent]
    /// Deletes the events of runs that reached a final status before `cutoff`, and of runs that no
    /// longer exist; returns how many were deleted. Events are kept for a while after the end
    /// rather than deleted with it: a viewer opening a run that just ended still sees its trace,
    /// and the tail of a worker's batch may be written after the run's final status.
    func pruneEvents(finishedBefore cutoff: Date) async throws -> Int

    // MARK: Metrics

    /// Number of runs in each status (every status present, zero included).
    func countRuns(byStatus: Void) async throws -> [RunStatus: Int]
    /// Queued runs ready to be claimed at `now`.
    func queueDepth(now: Date) async throws -> Int

    // MARK: Jobs

    /// Inserts or replaces a job by name; an existing job keeps its `created` time.
    func upsertJob(_ job: StoredJob) async throws
    func job(_ name: String) async throws -> StoredJob?
    /// All jobs by name.
    func jobs() async throws -> [StoredJob]
    /// False when there was no such job. Its runs are kept.
    func deleteJob(_ name: String) async throws -> Bool
    /// Pauses or resumes a job; nil when there is no such job.
    func setJobActive(_ name: String, active: Bool, now: Date) async throws -> StoredJob?
    /// Makes the configuration's jobs exactly `jobs`: config jobs not listed are deleted, listed ones
    /// inserted or updated; API jobs are untouched (a listed name held by an API job is refused).
    func replaceConfigJobs(_ jobs: [StoredJob], now: Date) async throws
}

extension SchedulingStore {
    /// Ends the current attempt without claiming another (see `finish(…, claimingNext:)`).
    public func finish(_ id: RunID, worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date)
        async throws -> RunRecord
    {
        try await finish(id, worker: worker, outcome: outcome, output: output, retryAt: retryAt, now: now,
                         claimingNext: nil).finished
    }
}
