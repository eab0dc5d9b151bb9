import Foundation
import Logging

/// What a run learned about itself (output location, input hash, kernel), kept until the store
/// has it: a write that fails while the database is away is merged with later ones and sent again
/// after the next successful heartbeat, and before the run's ending is recorded.
actor RunDetailsRecorder {
    private let run: RunID
    private let worker: String
    private let store: any SchedulingStore
    private let logger: Logger
    private var pending = RunDetails()
    private var hasPending = false
    /// The store refused for good (the lease is lost): nothing more will be written.
    private var refused = false

    init(run: RunID, worker: String, store: any SchedulingStore, logger: Logger) {
        self.run = run
        self.worker = worker
        self.store = store
        self.logger = logger
    }

    func record(_ d: RunDetails) async {
        if let v = d.kernelResolved { pending.kernelResolved = v }
        if let v = d.inputSHA256 { pending.inputSHA256 = v }
        if let v = d.inputSnapshot { pending.inputSnapshot = v }
        if let v = d.output { pending.output = v }
        hasPending = true
        _ = await flush()
    }

    /// Sends what is pending; false while the store is unavailable (try again later).
    func flush() async -> Bool {
        guard hasPending, !refused else { return true }
        let sent = pending
        do {
            try await store.setRunDetails(run, worker: worker, kernelResolved: sent.kernelResolved, inputSHA256: sent.inputSHA256,
                                          inputSnapshot: sent.inputSnapshot, output: sent.output)
            // Details recorded while this write was in flight stay pending.
            if pending == sent { hasPending = false; pending = RunDetails() }
            return true
        } catch let error as SchedulingStoreError where error.isTransient {
            logger.warning("details of run \(run) not recorded yet (will retry): \(error)")
            return false
        } catch {
            logger.warning("details of run \(run) dropped: \(error)")
            refused = true
            return true
        }
    }
}
