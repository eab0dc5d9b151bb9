import Foundation
import NotebookStorage

/// Where one attempt writes: its output notebook (never reused: `runs/<job>/<time>-<run>.ipynb`) and,
/// beside it, the exact input it executed (`….input.ipynb`), so a run can be reproduced or audited
/// even after the template notebook changed.
struct RunOutputs: Sendable {
    let output: RunOutput
    let snapshot: StoreLocation

    static func create(in store: any NotebookStore, prefix: String, run: RunRecord, at date: Date = Date()) async throws -> RunOutputs {
        let id = run.attempt > 1 ? "\(run.id.rawValue)-attempt\(run.attempt)" : run.id.rawValue
        let output: RunOutput
        do {
            output = try await RunOutput.create(in: store, job: run.job ?? "adhoc", runID: id, at: date, prefix: prefix)
        } catch {
            throw RunEnding.infrastructure("StorageError", "cannot create the run's output: \(error)")
        }
        let key = output.location.key
        let snapshotKey = String(key.dropLast(".ipynb".count)) + ".input.ipynb"
        return RunOutputs(output: output, snapshot: StoreLocation(store: store, key: snapshotKey))
    }
}
