import Foundation
import Logging
import NotebookExecution

/// Takes queued runs one at a time and executes them: claim with a lease, heartbeat while the
/// notebook runs (which is also how a cancel request reaches the run), record the ending, and
/// requeue failed attempts that the run's retry policy allows.
///
/// A worker outlives the database going away: claims back off (capped exponential), heartbeats
/// go on failing and trying, and a run's ending is retried until the store takes it or says the
/// lease is lost, so a finished notebook is not executed again after its lease expires.
public actor Worker {
    public nonisolated let options: WorkerOptions
    let store: any SchedulingStore
    private let environment: WorkerEnvironment
    let events: any RunEventSink
    private let wakeup: WorkerWakeup
    let logger: Logger
    private(set) var stopping = false
    /// A second stop: interrupt at once, and give up recording an ending the store cannot take now.
    var hurried = false
    /// A claim (alone or with a finish) failed in transit: it may have committed all the same.
    var claimInDoubt = false
    private var current: RunControl?
    var generator = SystemRandomNumberGenerator()

    public init(store: any SchedulingStore, environment: WorkerEnvironment, options: WorkerOptions,
                events: any RunEventSink = NoRunEvents(), wakeup: WorkerWakeup, logger: Logger = Logger(label: "quire.worker")) {
        self.store = store
        self.environment = environment
        self.options = options
        self.events = events
        self.wakeup = wakeup
        self.logger = logger
    }

    /// Runs until `stop` is called and the current run (if any) is finished or handed back.
    public func run() async {
        var backoff = WorkerBackoff(initial: options.errorBackoff, maximum: options.maxErrorBackoff)
        // The run claimed together with the end of the previous one, if any.
        var next: RunRecord? = nil
        while !stopping {
            let claimed: RunRecord?
            if let taken = next {
                claimed = taken
                next = nil
            } else if claimInDoubt, let held = await takeRunHeldInDoubt() {
                claimed = held
            } else {
                do {
                    claimed = try await store.claim(worker: options.id, labels: options.labels, lease: options.lease, now: Date())
                    if backoff.failures > 0 { logger.notice("\(options.id): the run database answers again") }
                    backoff.reset()
                } catch {
                    if (error as? SchedulingStoreError)?.isTransient == true { claimInDoubt = true }
                    let wait = backoff.next(random: &generator)
                    if backoff.failures == 1 || backoff.failures % 10 == 0 {
                        logger.error("\(options.id): claim failed (\(backoff.failures) in a row; next try in \(WorkerBackoff.text(wait))): \(error)")
                    }
                    await wakeup.wait(timeout: wait)
                    continue
                }
            }
            // A stop that arrived while the claim was in flight: the run goes straight back.
            if let run = claimed {
                if stopping { await handBackUnstarted(run) } else { next = await process(run) }
                continue
            }
            await wakeup.wait(timeout: options.pollInterval)
        }
        // A stop that arrived while the last finish claimed the next run.
        if let run = next { await handBackUnstarted(run) }
    }

    /// Stops taking runs; a running notebook gets `drainGrace` to finish, then is interrupted and
    /// handed back to the queue. A second call interrupts it at once.
    public func stop() async {
        if stopping {
            hurried = true
            current?.requestStop(.signal(SIGTERM))
            return
        }
        stopping = true
        await wakeup.signal()
        guard let control = current else { return }
        let grace = options.drainGrace
        Task {
            try? await Task.sleep(for: grace)
            control.requestStop(.signal(SIGTERM))
        }
    }

    public var isBusy: Bool { current != nil }

    /// Executes `run` and records its ending; returns the next run when the ending claimed one.
    private func process(_ run: RunRecord) async -> RunRecord? {
        let control = RunControl()
        current = control
        defer { current = nil }
        if run.cancelRequested || hurried { control.requestStop(run.cancelRequested ? .cancelled(by: nil) : .signal(SIGTERM)) }
        logger.info("run \(run.id) attempt \(run.attempt) started on \(options.id)")
        let details = RunDetailsRecorder(run: run.id, worker: options.id, store: store, logger: logger)
        // Heartbeats go on until the ending is recorded: a lease renewed while the ending waits
        // for the database keeps the run from being requeued and executed again meanwhile.
        let heartbeat = startHeartbeat(run, control: control, details: details)
        defer { heartbeat.cancel() }
        let timeout = run.timeout.map { seconds in
            Task {
                // Clamped: a limit beyond a year is no limit, and must not overflow the timer.
                try? await Task.sleep(for: .milliseconds(Int(min(seconds, 3.2e7) * 1000)))
                if !Task.isCancelled { control.requestStop(.runTimeout(seconds: seconds)) }
            }
        }
        let ending = await RunExecution(run: run, environment: environment, control: control, events: events,
                                        details: { await details.record($0) }).execute()
        timeout?.cancel()
        return await record(ending, of: run, details: details)
    }

    private func startHeartbeat(_ run: RunRecord, control: RunControl, details: RunDetailsRecorder) -> Task<Void, Never> {
        let store = self.store, options = self.options, logger = self.logger
        return Task {
            var failing = false
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(options.heartbeat * 1000)))
                if Task.isCancelled { return }
                do {
                    let beat = try await store.heartbeat(run.id, worker: options.id, lease: options.lease, now: Date())
                    if failing { logger.notice("run \(run.id): heartbeat answered again") }
                    failing = false
                    if beat.cancelRequested { control.requestStop(.cancelled(by: nil)) }
                    if !beat.leaseHeld {
                        logger.warning("run \(run.id): lease lost; stopping it here")
                        control.requestStop(.signal(SIGTERM))
                        return
                    }
                    _ = await details.flush()
                } catch {
                    failing = true
                    logger.warning("heartbeat for run \(run.id) failed (will keep trying): \(error)")
                }
            }
        }
    }
}
