import Foundation
import Scheduling
import Testing

/// Every error names what a user needs to act on it.
@Suite struct StoreErrorTests {
    @Test func descriptionsCarryTheirContext() {
        let id = RunID.make(at: t0)
        let cases: [(SchedulingStoreError, [String])] = [
            (.invalidRun(field: "maxAttempts", reason: "is 0; it must be at least 1"), ["maxAttempts", "is 0"]),
            (.slotRequired(missing: "a job"), ["a job"]),
            (.slotTaken(job: "hourly", scheduledFor: t0, existing: id), ["hourly", id.rawValue, "2027-01-15T08:00:00.000Z"]),
            (.invalidLimit(0), ["0", "1 and 500"]),
            (.invalidCursor("zz", reason: "bad base64"), ["\"zz\"", "bad base64"]),
            (.runNotFound(id), [id.rawValue, "not found"]),
            (.leaseLost(id, worker: "w1", status: .running, holder: "w2"), ["w1", id.rawValue, "running", "held by w2"]),
            (.leaseLost(id, worker: "w1", status: .queued, holder: nil), ["w1", "queued"]),
            (.alreadyFinished(id, status: .succeeded), [id.rawValue, "succeeded"]),
            (.invalidJob(name: "x", reason: "the name is empty"), ["\"x\"", "the name is empty"]),
            (.jobSourceConflict(name: "etl", existingSource: "api"), ["etl", "API"]),
            (.cannotOpen(path: "/data/runs.sqlite", reason: "file is not a database"), ["/data/runs.sqlite", "not a database"]),
            (.corruptRecord(table: "runs", key: id.rawValue, column: "spec", reason: "invalid JSON"), ["runs", "spec", "invalid JSON"]),
            (.invalidDatabaseURL("mysql://q:***@db/quire", reason: "the scheme must be postgres://"), ["mysql://q:***@db/quire", "postgres://"]),
            (.database(operation: "claim a run for w1", reason: "disk I/O error"), ["claim a run for w1", "disk I/O error"]),
        ]
        for (error, parts) in cases {
            for part in parts { #expect(error.description.contains(part), "\(error.description) lacks \(part)") }
        }
        #expect(!SchedulingStoreError.leaseLost(id, worker: "w1", status: .queued, holder: nil).description.contains("held by"))
    }
}
