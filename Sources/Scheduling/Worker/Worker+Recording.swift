import Foundation
import Logging

extension Worker {
    /// Records how an attempt ended. An interrupted attempt (the worker is stopping) is handed
    /// back to the queue without using up the run's attempts; anything else is finished, with a
    /// retry when the run's policy allows one. Unless the worker is stopping, the finish also
    /// claims the worker's next run in the same commit; that run is returned, already running
    /// under this worker, for the caller to process or hand back.
    func record(_ ending: RunEnding, of run: RunRecord, details: RunDetailsRecorder) async -> RunRecord? {
        _ = await persist("record the details of run \(run.id)") {
            guard await details.flush() else { throw SchedulingStoreError.unavailable(operation: "record run details", reason: "pending") }
        }
        let now = Date()
        let recorded: RunRecord?
        var next: RunRecord? = nil
        if case .interrupted = ending {
            recorded = await persist("hand back run \(run.id)") {
                try await self.store.handBack(run.id, worker: self.options.id, reason: "worker stopping", now: now)
            }
            if let recorded { logger.info("run \(run.id) attempt \(run.attempt): handed back (\(recorded.status.rawValue))") }
        } else {
            var retryAt: Date? = nil
            if ending.retryable, run.attempt < run.maxAttempts {
                let policy = RetryPolicy(maxAttempts: run.maxAttempts, backoff: run.retryBackoff, maxBackoff: run.maxBackoff)
                let delay = policy.delay(beforeAttempt: run.attempt + 1, random: &generator)
                retryAt = now.addingTimeInterval(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            }
            let outcome = ending.finishOutcome
            let claim = stopping ? nil : NextClaim(labels: options.labels, lease: options.lease)
            var tries = 0
            let both = await persist("record the end of run \(run.id)") {
                tries += 1
                return try await self.store.finish(run.id, worker: self.options.id, outcome: outcome, output: nil,
                                                   retryAt: retryAt, now: now, claimingNext: claim)
            }
            // A try that failed in transit may have committed, its claim included.
            if tries > 1 {
                if claim != nil { claimInDoubt = true }
                if let finished = both?.finished { recorded = finished } else { recorded = await finishCommittedInTransit(run, at: now) }
            } else {
                recorded = both?.finished
            }
            next = both?.next
            if let recorded {
                logger.info("run \(run.id) attempt \(run.attempt): \(ending.status)\(recorded.status == .queued ? " (retry queued)" : "")")
            }
        }
        guard let recorded else { return next }
        if recorded.status.isFinal {
            await events.publish(RunEvent(run: run.id.rawValue, kind: .finished(status: recorded.status.rawValue)))
        } else {
            await events.publish(RunEvent(run: run.id.rawValue, kind: .status(recorded.status.rawValue)))
        }
        return next
    }

    /// The run as this worker's finish left it, when that finish committed although its answer
    /// was lost and the retry was then refused: the run's last transition is then this worker's,
    /// for this attempt, at the finish's own time to the microsecond. Nil otherwise (the lease
    /// was lost before, or the database cannot say).
    func finishCommittedInTransit(_ run: RunRecord, at now: Date) async -> RunRecord? {
        guard let last = try? await store.transitions(run.id).last, last.worker == options.id,
              last.attempt == run.attempt, last.at == StoreTime.rounded(now),
              let current = try? await store.run(run.id) else { return nil }
        logger.notice("run \(run.id): its end was recorded after all (the answer was lost in transit)")
        return current
    }

    /// After a claim that failed in transit, the database may hold a run for this worker whose
    /// claim committed though the answer never arrived: nobody else would run it before its lease
    /// expired, and then its attempt would count as lost without having started. Such a run is
    /// taken up here, the oldest first (the next call takes the next, if there are more). Called
    /// only between runs, so nothing this worker is executing is among them. Nil when there is
    /// none, or when the database cannot say yet (asked again next time).
    func takeRunHeldInDoubt() async -> RunRecord? {
        guard let held = try? await store.runsHeld(by: options.id) else { return nil }
        claimInDoubt = held.count > 1
        if let run = held.first { logger.notice("run \(run.id): its claim by \(options.id) committed but the answer was lost; running it") }
        return held.first
    }

    /// A run claimed just as the worker was told to stop goes back without being started.
    func handBackUnstarted(_ run: RunRecord) async {
        _ = await persist("hand back run \(run.id)") {
            try await self.store.handBack(run.id, worker: self.options.id, reason: "worker stopping", now: Date())
        }
    }

    /// Repeats `operation` while the store fails transiently (down, restarting, unreachable), with
    /// capped exponential backoff, until it succeeds or the store refuses for good (the lease was
    /// lost: the run was requeued or taken over, and whatever this worker knew is moot). A hurried
    /// stop gives up after the attempt in flight; the run is then left to lease expiry.
    func persist<T: Sendable>(_ what: String, _ operation: () async throws -> T) async -> T? {
        var backoff = WorkerBackoff(initial: options.errorBackoff, maximum: options.maxErrorBackoff)
        while true {
            do {
                let value = try await operation()
                if backoff.failures > 0 { logger.notice("\(options.id): could \(what) after \(backoff.failures) failed attempt(s)") }
                return value
            } catch let error as SchedulingStoreError where error.isTransient {
                if hurried {
                    logger.error("\(options.id): could not \(what) before stopping; its lease will expire: \(error)")
                    return nil
                }
                let wait = backoff.next(random: &generator)
                if backoff.failures == 1 || backoff.failures % 10 == 0 {
                    logger.warning("\(options.id): could not \(what) (\(backoff.failures) attempt(s); retrying in \(WorkerBackoff.text(wait))): \(error)")
                }
                try? await Task.sleep(for: wait)
            } catch {
                logger.error("\(options.id): could not \(what): \(error)")
                return nil
            }
        }
    }
}
