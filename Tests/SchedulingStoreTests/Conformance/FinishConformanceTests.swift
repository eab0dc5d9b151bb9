import Foundation
import Scheduling
import Testing

/// Ending attempts: final outcomes, retries, details, and only the lease holder writing.
@Suite struct FinishConformanceTests {
    static let boom = RunErrorSummary(ename: "ZeroDivisionError", evalue: "division by zero", cell: 4)

    @Test(arguments: Backend.allCases) func successIsFinal(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store)
            let done = try await store.finish(run.id, worker: "w1", outcome: .succeeded, output: "s3://out/r.ipynb",
                                              retryAt: at(99), now: at(30))
            #expect(done.status == .succeeded && done.finished == at(30) && done.output == "s3://out/r.ipynb")
            #expect(done.leaseExpires == nil && done.error == nil && done.worker == "w1")
            #expect(try await store.run(run.id) == done)
            let transitions = try await store.transitions(run.id)
            #expect(transitions.map(\.status) == [.queued, .running, .succeeded])
            #expect(transitions.last?.at == at(30) && transitions.last?.worker == "w1")
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w1", status: .succeeded, holder: nil)) {
                try await store.finish(run.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(31))
            }
        }
    }

    @Test(arguments: Backend.allCases) func failureRetriesWhileAttemptsRemain(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, maxAttempts: 2)
            let retry = try await store.finish(run.id, worker: "w1", outcome: .failed(Self.boom), output: "out/1.ipynb",
                                               retryAt: at(60), now: at(10))
            #expect(retry.status == .queued && retry.notBefore == at(60) && retry.finished == nil)
            #expect(retry.error == Self.boom && retry.output == "out/1.ipynb" && retry.attempt == 1)
            let transitions = try await store.transitions(run.id)
            #expect(transitions.last?.status == .queued && transitions.last?.note == "retry")
            #expect(transitions.last?.worker == "w1" && transitions.last?.at == at(10))
            _ = try #require(try await store.claim(worker: "w2", labels: [], lease: 60, now: at(60)))
            let final = try await store.finish(run.id, worker: "w2", outcome: .failed(Self.boom), output: nil,
                                               retryAt: at(120), now: at(70))
            #expect(final.status == .failed && final.attempt == 2 && final.finished == at(70))
            #expect(try await store.transitions(run.id).map(\.status) == [.queued, .running, .queued, .running, .failed])
        }
    }

    @Test(arguments: Backend.allCases) func outcomesWithoutRetryAreFinal(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let outcomes: [(FinishOutcome, Date?, RunStatus)] = [
                (.failed(Self.boom), nil, .failed),
                (.timedOut(RunErrorSummary(ename: "Timeout", evalue: "600 s")), nil, .timed_out),
                (.timedOut(nil), nil, .timed_out),
                (.cancelled(nil), at(99), .cancelled),  // a cancellation is never retried
            ]
            for (n, (outcome, retryAt, status)) in outcomes.enumerated() {
                let run = try await runningRun(store, maxAttempts: 3, now: at(Double(n)))
                let done = try await store.finish(run.id, worker: "w1", outcome: outcome, output: nil, retryAt: retryAt,
                                                  now: at(Double(n) + 0.5))
                #expect(done.status == status && done.finished == at(Double(n) + 0.5))
                if case .timedOut(nil) = outcome { #expect(done.error == nil) }
            }
            let timedOutRetry = try await runningRun(store, maxAttempts: 3, now: at(10))
            let requeued = try await store.finish(timedOutRetry.id, worker: "w1", outcome: .timedOut(nil), output: nil,
                                                  retryAt: at(20), now: at(11))
            #expect(requeued.status == .queued)
        }
    }

    @Test(arguments: Backend.allCases) func onlyTheLeaseHolderWrites(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let queued = try await store.createRun(sampleRun(), now: t0).run
            await #expect(throws: SchedulingStoreError.leaseLost(queued.id, worker: "w1", status: .queued, holder: nil)) {
                try await store.finish(queued.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(1))
            }
            let run = try #require(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(1)))
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w9", status: .running, holder: "w1")) {
                try await store.finish(run.id, worker: "w9", outcome: .succeeded, output: nil, retryAt: nil, now: at(2))
            }
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w9", status: .running, holder: "w1")) {
                try await store.setRunDetails(run.id, worker: "w9", kernelResolved: "x", inputSHA256: nil,
                                              inputSnapshot: nil, output: nil)
            }
            let unknown = RunID.make(at: t0)
            await #expect(throws: SchedulingStoreError.runNotFound(unknown)) {
                try await store.finish(unknown, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(3))
            }
            await #expect(throws: SchedulingStoreError.runNotFound(unknown)) {
                try await store.setRunDetails(unknown, worker: "w1", kernelResolved: nil, inputSHA256: nil,
                                              inputSnapshot: nil, output: nil)
            }
            #expect(try await store.run(run.id) == run)
        }
    }

    @Test(arguments: Backend.allCases) func detailsAreRecordedAndNilKeepsAField(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store)
            try await store.setRunDetails(run.id, worker: "w1", kernelResolved: "python3", inputSHA256: "ab12",
                                          inputSnapshot: "runs/r/input.ipynb", output: nil)
            try await store.setRunDetails(run.id, worker: "w1", kernelResolved: nil, inputSHA256: nil,
                                          inputSnapshot: nil, output: "runs/r/output.ipynb")
            let read = try #require(try await store.run(run.id))
            #expect(read.kernelResolved == "python3" && read.inputSHA256 == "ab12")
            #expect(read.inputSnapshot == "runs/r/input.ipynb" && read.output == "runs/r/output.ipynb")
            #expect(read.status == .running && read.leaseExpires == run.leaseExpires)
        }
    }
}
