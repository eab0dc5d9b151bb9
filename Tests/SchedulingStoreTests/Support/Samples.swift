import Foundation
import NotebookFormat
import Scheduling

/// A fixed clock: tests pass every time explicitly.
let t0 = Date(timeIntervalSince1970: 1_800_000_000)

func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

/// A valid run with every field set to something distinctive.
func sampleRun(
    job: String? = nil, notebook: String = "notebooks/report.ipynb", parameters: JSONValue = ["n": 3, "name": "ada"],
    maxAttempts: Int = 1, retryBackoff: Double = 30, tags: [String] = [], owner: String? = nil, labels: [String] = [],
    scheduledFor: Date? = nil, idempotencyKey: String? = nil
) -> NewRun {
    NewRun(
        job: job, notebook: notebook, parameters: parameters, secretNames: ["DB_PASSWORD"], kernel: "python3",
        timeout: 600, maxAttempts: maxAttempts, retryBackoff: retryBackoff, maxBackoff: 300, tags: tags,
        owner: owner, labels: labels, scheduledFor: scheduledFor, idempotencyKey: idempotencyKey,
        spec: ["env": ["MODE": "test"], "cwd": "/srv/notebooks"])
}

/// Creates a run and claims it (as the only ready run) for `worker`.
func runningRun(
    _ store: any SchedulingStore, worker: String = "w1", maxAttempts: Int = 1, now: Date = t0, lease: Double = 60
) async throws -> RunRecord {
    let created = try await store.createRun(sampleRun(maxAttempts: maxAttempts), now: now).run
    let claimed = try await store.claim(worker: worker, labels: [], lease: lease, now: now)
    guard let claimed, claimed.id == created.id else {
        throw SampleError("claim returned \(String(describing: claimed?.id)) instead of \(created.id)")
    }
    return claimed
}

struct SampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
