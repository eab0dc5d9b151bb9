import Foundation

/// The run state machine, shared by every backend: a backend loads a record inside a transaction,
/// applies one of these changes and saves the record with the returned transition.
extension RunRecord {
    /// A queued run as a submission or a slot firing creates it.
    init(new: NewRun, id: RunID, now: Date) {
        let now = StoreTime.rounded(now)
        self.init(
            id: id, job: new.job, notebook: new.notebook, parameters: new.parameters, secretNames: new.secretNames,
            kernel: new.kernel, kernelResolved: nil, timeout: new.timeout, attempt: 0, maxAttempts: new.maxAttempts,
            retryBackoff: new.retryBackoff, maxBackoff: new.maxBackoff, status: .queued, tags: new.tags,
            owner: new.owner, labels: new.labels, scheduledFor: StoreTime.rounded(new.scheduledFor),
            idempotencyKey: new.idempotencyKey, rerunOf: new.rerunOf, spec: new.spec, created: now, notBefore: now,
            started: nil, finished: nil, worker: nil, leaseExpires: nil, cancelRequested: false, inputSHA256: nil,
            inputSnapshot: nil, output: nil, error: nil)
    }

    func transition(_ note: String?, at: Date) -> RunTransition {
        RunTransition(run: id, attempt: attempt, status: status, at: at, worker: worker, note: note)
    }

    func isHeld(by worker: String) -> Bool { status == .running && self.worker == worker }

    func requireHolder(_ worker: String) throws(SchedulingStoreError) {
        guard isHeld(by: worker) else {
            throw .leaseLost(id, worker: worker, status: status, holder: status == .running ? self.worker : nil)
        }
    }

    mutating func claim(worker: String, lease: Double, now: Date) -> RunTransition {
        let now = StoreTime.rounded(now)
        status = .running
        attempt += 1
        if started == nil { started = now }
        self.worker = worker
        leaseExpires = StoreTime.rounded(now.addingTimeInterval(lease))
        return transition(nil, at: now)
    }

    mutating func renewLease(lease: Double, now: Date) {
        leaseExpires = StoreTime.rounded(now.addingTimeInterval(lease))
    }

    mutating func finish(worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date)
        throws(SchedulingStoreError) -> RunTransition
    {
        try requireHolder(worker)
        let now = StoreTime.rounded(now)
        if let output { self.output = output }
        error = outcome.error
        if outcome.isRetryable, !cancelRequested, hasAttemptsLeft, let retryAt {
            requeue(at: retryAt)
            return RunTransition(run: id, attempt: attempt, status: .queued, at: now, worker: worker, note: "retry")
        }
        status = outcome.status
        end(now)
        return RunTransition(run: id, attempt: attempt, status: status, at: now, worker: worker, note: nil)
    }

    /// Queued runs end at once; running ones are flagged for their worker; nil transition when the
    /// flag was already set.
    mutating func requestCancel(now: Date) throws(SchedulingStoreError) -> RunTransition? {
        let now = StoreTime.rounded(now)
        switch status {
        case .queued:
            status = .cancelled
            end(now)
            return transition("cancel requested", at: now)
        case .running:
            if cancelRequested { return nil }
            cancelRequested = true
            return transition("cancel requested", at: now)
        case .succeeded, .failed, .timed_out, .cancelled:
            throw .alreadyFinished(id, status: status)
        }
    }

    /// The worker stopped answering (`reason`): retry at `retryAt`, or end the run. A run whose
    /// cancellation was requested ends cancelled rather than failed: that is what the user asked.
    mutating func loseWorker(reason: String, retryAt: Date?, now: Date) -> RunTransition {
        let now = StoreTime.rounded(now)
        let lost = worker ?? "unknown worker"
        error = RunErrorSummary(ename: "WorkerLost", evalue: "\(lost): \(reason) during attempt \(attempt)")
        let previous = worker
        // Whether a lost attempt is retried is the caller's policy (it may allow one beyond the
        // run's own budget: losing a worker is not the notebook's fault).
        if !cancelRequested, let retryAt {
            requeue(at: retryAt)
            return RunTransition(run: id, attempt: attempt, status: .queued, at: now, worker: previous, note: "retry: \(reason)")
        }
        status = cancelRequested ? .cancelled : .failed
        end(now)
        return RunTransition(run: id, attempt: attempt, status: status, at: now, worker: previous, note: reason)
    }

    /// The holder stops without finishing (`reason`: a draining worker): the run goes back to the
    /// queue at once, and the attempt does not count against its budget — `maxAttempts` grows by
    /// one, so attempt numbers (and the output names made from them) stay unique. A run whose
    /// cancellation was requested ends cancelled instead.
    mutating func handBack(worker: String, reason: String, now: Date) throws(SchedulingStoreError) -> RunTransition {
        try requireHolder(worker)
        let now = StoreTime.rounded(now)
        error = RunErrorSummary(ename: "WorkerStopped", evalue: "\(worker): \(reason) during attempt \(attempt)")
        if cancelRequested {
            status = .cancelled
            end(now)
            return RunTransition(run: id, attempt: attempt, status: .cancelled, at: now, worker: worker, note: reason)
        }
        maxAttempts += 1
        requeue(at: now)
        return RunTransition(run: id, attempt: attempt, status: .queued, at: now, worker: worker, note: "handed back: \(reason)")
    }

    private mutating func requeue(at: Date) {
        status = .queued
        notBefore = StoreTime.rounded(at)
        worker = nil
        leaseExpires = nil
    }

    private mutating func end(_ now: Date) {
        finished = now
        leaseExpires = nil
    }
}
