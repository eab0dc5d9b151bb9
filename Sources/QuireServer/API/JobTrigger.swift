import Foundation
import NotebookFormat
import Scheduling

/// "Run this job now" for the API's trigger endpoint and the web page's form: one path, so both
/// check the notebook and the parameter types the same way before anything is queued.
struct JobTrigger: Sendable {
    let state: ServerState

    func run(_ job: JobDefinition, overrides: JSONObject, user: APIUser) async throws -> RunRecord {
        let new: NewRun
        do { new = try RunFactory.newRun(for: job, overrides: overrides, scheduledFor: nil, owner: job.owner ?? user.name) } catch {
            throw Problem.from(error)
        }
        let nb = try await state.check.load(new.notebook)
        try state.check.checkParameters(new.parameters.objectValue ?? JSONObject(), of: nb, kernel: job.kernel)
        let (run, _) = try await state.store.createRun(new, now: Date())
        await state.wakeup.signal()
        return run
    }
}
