import Foundation
import Hummingbird
import NotebookFormat
import Scheduling

/// The run page's POST forms: cancel, and re-run with the same parameters. Both answer 303 to
/// the run page to show.
struct RunActions: Sendable {
    let state: ServerState
    var runs: RunLookup { RunLookup(state: state) }

    func register(on group: RouterGroup<QuireContext>) {
        group.post("runs/:id/cancel", use: cancel)
        group.post("runs/:id/rerun", use: rerun)
    }

    @Sendable func cancel(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        guard !run.status.isFinal else { throw Problem.conflict("run \(run.id) already \(run.status.rawValue); there is nothing to cancel") }
        let updated = try await state.store.requestCancel(run.id, now: Date())
        if updated.status == .cancelled {
            await state.hub.publish(RunEvent(run: updated.id.rawValue, kind: .finished(status: updated.status.rawValue)))
        }
        return WebResponse.redirect("/runs/\(run.id.rawValue)")
    }

    @Sendable func rerun(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        let user = context.user ?? .local
        let new = NewRun(job: run.job, notebook: run.notebook, parameters: run.parameters, secretNames: run.secretNames,
                         kernel: run.kernel, timeout: run.timeout, maxAttempts: run.maxAttempts, retryBackoff: run.retryBackoff,
                         maxBackoff: run.maxBackoff, tags: run.tags, owner: user.admin ? (run.owner ?? user.name) : user.name,
                         labels: run.labels, scheduledFor: nil, idempotencyKey: nil, rerunOf: run.id, spec: run.spec)
        let nb = try await state.check.load(run.notebook)
        try state.check.checkParameters(run.parameters.objectValue ?? JSONObject(), of: nb, kernel: run.kernel)
        let (created, _) = try await state.store.createRun(new, now: Date())
        await state.wakeup.signal()
        return WebResponse.redirect("/runs/\(created.id.rawValue)")
    }
}
