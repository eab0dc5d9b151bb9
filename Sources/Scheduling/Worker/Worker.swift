import Foundation
import Logging
import NotebookExecution

/// Takes queued runs one at a time and executes them: claim with a lease, heartbeat while the
/// notebook runs (which is also how a cancel request reaches the run), record the ending, and
/// requeue failed attempts that the run's retry policy allows.
public actor Worker {
    public nonisolated let options: WorkerOptions
    private let store: any SchedulingStore
    private let environment: WorkerEnvironment
    private let events: any RunEventSink
    private let wakeup: WorkerWakeup
    private let logger: Logger
    private var stopping = false
    private var current: RunControl?
    private var generator = SystemRandomNumberGenerator()

    public init(store: any SchedulingStore, environment: WorkerEnvironment, options: WorkerOptions,
                events: any RunEventSink = NoRunEvents(), wakeup: WorkerWakeup, logger: Logger = Logger(label: "quire.worker")) {
        self.store = store
        self.environment = environment
        self.options = options
        self.events = events
        self.wakeup = wakeup
        self.logger = logger
    }

    /// Runs until `stop` is called. Store errors are logged and retried: a worker outlives a
    /// database hiccup.
    public func run() async {
        while !stopping {
            do {
                if let run = try await store.claim(worker: options.id, labels: options.labels, lease: options.lease, now: Date()) {
                    await process(run)
                    continue
                }
            } catch {
                logger.error("claim failed: \(error)")
            }
            await wakeup.wait(timeout: options.pollInterval)
        }
    }

    /// Stops taking runs; a running notebook gets `drainGrace` to finish, then is interrupted and
    /// handed back to the queue.
    public func stop() async {
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

    private func process(_ run: RunRecord) async {
        let control = RunControl()
        current = control
        defer { current = nil }
        if run.cancelRequested { control.requestStop(.cancelled(by: nil)) }
        logger.info("run \(run.id) attempt \(run.attempt) started on \(options.id)")
        let heartbeat = startHeartbeat(run, control: control)
        let timeout = run.timeout.map { seconds in
            Task {
                // Clamped: a limit beyond a year is no limit, and must not overflow the timer.
                try? await Task.sleep(for: .milliseconds(Int(min(seconds, 3.2e7) * 1000)))
                if !Task.isCancelled { control.requestStop(.runTimeout(seconds: seconds)) }
            }
        }
        let store = self.store, worker = options.id
        let detailsRecorder: @Sendable (RunDetails) async -> Void = { d in
            do {
                try await store.setRunDetails(run.id, worker: worker, kernelResolved: d.kernelResolved, inputSHA256: d.inputSHA256,
                                              inputSnapshot: d.inputSnapshot, output: d.output)
            } catch {
                Logger(label: "quire.worker").warning("could not record details of run \(run.id): \(error)")
            }
        }
        let ending = await RunExecution(run: run, environment: environment, control: control, events: events,
                                        details: detailsRecorder).execute()
        heartbeat.cancel()
        timeout?.cancel()
        await record(ending, of: run)
    }

    private func startHeartbeat(_ run: RunRecord, control: RunControl) -> Task<Void, Never> {
        let store = self.store, options = self.options, logger = self.logger
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(options.heartbeat * 1000)))
                if Task.isCancelled { return }
                do {
                    let beat = try await store.heartbeat(run.id, worker: options.id, lease: options.lease, now: Date())
                    if beat.cancelRequested { control.requestStop(.cancelled(by: nil)) }
                    if !beat.leaseHeld {
                        logger.warning("run \(run.id): lease lost; stopping it here")
                        control.requestStop(.signal(SIGTERM))
                    }
                } catch {
                    logger.warning("heartbeat for run \(run.id) failed: \(error)")
                }
            }
        }
    }

    private func record(_ ending: RunEnding, of run: RunRecord) async {
        let now = Date()
        var retryAt: Date? = nil
        if ending.retryable, run.attempt < run.maxAttempts {
            if case .interrupted = ending { retryAt = now } else {
                let policy = RetryPolicy(maxAttempts: run.maxAttempts, backoff: run.retryBackoff, maxBackoff: run.maxBackoff)
                let delay = policy.delay(beforeAttempt: run.attempt + 1, random: &generator)
                retryAt = now.addingTimeInterval(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            }
        }
        do {
            let finished = try await store.finish(run.id, worker: options.id, outcome: ending.finishOutcome, output: nil, retryAt: retryAt, now: now)
            logger.info("run \(run.id) attempt \(run.attempt): \(ending.status)\(finished.status == .queued ? " (retry queued)" : "")")
            if finished.status.isFinal {
                await events.publish(RunEvent(run: run.id.rawValue, kind: .finished(status: finished.status.rawValue)))
            } else {
                await events.publish(RunEvent(run: run.id.rawValue, kind: .status(finished.status.rawValue)))
            }
        } catch {
            logger.error("could not record the end of run \(run.id): \(error)")
        }
    }
}
