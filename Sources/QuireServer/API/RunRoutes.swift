import Crypto
import Foundation
import Hummingbird
import NotebookFormat
import Scheduling

/// `/api/v1/runs`: submit, list, inspect, cancel and rerun runs.
struct RunRoutes: Sendable {
    let state: ServerState

    func register(on group: RouterGroup<QuireContext>) {
        group.post("runs", use: submit)
        group.get("runs", use: list)
        group.get("runs/:id", use: show)
        group.get("runs/:id/status", use: status)
        group.get("runs/:id/output", use: output)
        group.post("runs/:id/cancel", use: cancel)
        group.post("runs/:id/rerun", use: rerun)
    }

    @Sendable func submit(_ request: Request, context: QuireContext) async throws -> Response {
        let body = try await request.jsonObject()
        let submission = try SubmitRequest(body)
        let user = context.user ?? .local
        let key = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value
        if let key, key.isEmpty || key.count > 200 {
            throw Problem.badRequest("the Idempotency-Key header must be 1 to 200 characters", field: "Idempotency-Key")
        }
        let nb = try await state.check.load(submission.notebook)
        _ = try state.check.kernel(of: nb, override: submission.kernel, field: submission.kernel == nil ? "notebook" : "kernel")
        try state.check.checkParameters(submission.parameters, of: nb, kernel: submission.kernel)

        let fingerprint = SHA256.hash(data: JSONValue.object(body).serialized()).map { String(format: "%02x", $0) }.joined()
        var spec = RunSpec().jsonValue.objectValue ?? JSONObject()
        spec["submission_sha256"] = .string(fingerprint)
        let new = NewRun(job: nil, notebook: submission.notebook, parameters: .object(submission.parameters), secretNames: [],
                         kernel: submission.kernel, timeout: submission.timeout, maxAttempts: 1, retryBackoff: 30, maxBackoff: 3600,
                         tags: submission.tags, owner: user.name, labels: [], scheduledFor: nil, idempotencyKey: key,
                         rerunOf: nil, spec: .object(spec))
        let (run, created) = try await state.store.createRun(new, now: Date())
        if !created, run.spec["submission_sha256"]?.stringValue != fingerprint {
            throw Problem.conflict("Idempotency-Key '\(key ?? "")' was already used for run \(run.id) with a different request")
        }
        if created { await state.wakeup.signal() }
        return accepted(run)
    }

    @Sendable func list(_ request: Request, context: QuireContext) async throws -> Response {
        let q = QueryParameters(request: request)
        var filter = RunFilter()
        filter.job = q.string("job")
        filter.status = try q.all("status").map { raw in
            guard let s = RunStatus(rawValue: raw) else {
                throw Problem.badRequest("status '\(raw)' is not one of \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            return s
        }
        filter.tag = q.string("tag")
        filter.owner = q.string("owner")
        let user = context.user ?? .local
        if !user.admin {
            if let owner = filter.owner, owner != user.name { throw Problem.forbidden("you may list only your own runs") }
            filter.owner = user.name
        }
        filter.createdAfter = try q.date("since")
        filter.createdBefore = try q.date("until")
        if let p = q.string("param") {
            guard let eq = p.firstIndex(of: ":") ?? p.firstIndex(of: "="), eq != p.startIndex else {
                throw Problem.badRequest("param must be NAME:VALUE, got '\(p)'", field: "param")
            }
            filter.parameter = (String(p[..<eq]), String(p[p.index(after: eq)...]))
        }
        let limit = try q.int("limit", default: 50, range: 1...500)
        let page: RunPage
        do { page = try await state.store.listRuns(filter, limit: limit, cursor: q.string("cursor")) } catch {
            if q.string("cursor") != nil { throw Problem.badRequest("cursor: \(error)", field: "cursor") }
            throw error
        }
        return JSONResponse.make([
            "runs": .array(page.runs.map { RunJSON.encode($0) }),
            "next_cursor": page.nextCursor.map(JSONValue.string) ?? .null,
        ])
    }

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await visibleRun(context)
        return JSONResponse.make(RunJSON.encode(run, transitions: try await state.store.transitions(run.id)))
    }

    @Sendable func status(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await visibleRun(context)
        return JSONResponse.make([
            "id": .string(run.id.rawValue), "status": .string(run.status.rawValue), "attempt": .int(run.attempt),
            "finished": RunJSON.time(run.finished),
        ])
    }

    /// The output notebook as it is now: partial while the run goes on, final after.
    @Sendable func output(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await visibleRun(context)
        guard let url = run.output else { throw Problem.notFound("run \(run.id) has no output notebook yet (status \(run.status.rawValue))") }
        let bytes: [UInt8]
        do { bytes = try await state.check.resolver.location(url).read() } catch {
            if error.isInfrastructure { throw Problem.unavailable("output store unreachable: \(error)") }
            throw Problem.notFound("the output notebook of run \(run.id) is not readable: \(error)")
        }
        return JSONResponse.bytes(bytes, contentType: "application/x-ipynb+json")
    }

    @Sendable func cancel(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await visibleRun(context)
        guard !run.status.isFinal else { throw Problem.conflict("run \(run.id) already \(run.status.rawValue)") }
        let updated = try await state.store.requestCancel(run.id, now: Date())
        if updated.status == .cancelled {
            await state.hub.publish(RunEvent(run: updated.id.rawValue, kind: .finished(status: updated.status.rawValue)))
        }
        return accepted(updated, location: false)
    }

    /// A new run of the same notebook with the same parameters, or with `parameters` overriding some.
    @Sendable func rerun(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await visibleRun(context)
        let body = try await request.jsonObject()
        try BodyFields.rejectUnknown(body, allowed: ["parameters"])
        var parameters = run.parameters.objectValue ?? JSONObject()
        for (k, v) in try BodyFields.object(body, "parameters") ?? JSONObject() {
            guard !run.secretNames.contains(k) else {
                throw Problem.badRequest("parameters.\(k) is a secret of the job and cannot be overridden", field: "parameters.\(k)")
            }
            parameters[k] = v
        }
        let user = context.user ?? .local
        var new = NewRun(job: run.job, notebook: run.notebook, parameters: .object(parameters), secretNames: run.secretNames,
                         kernel: run.kernel, timeout: run.timeout, maxAttempts: run.maxAttempts, retryBackoff: run.retryBackoff,
                         maxBackoff: run.maxBackoff, tags: run.tags, owner: user.admin ? (run.owner ?? user.name) : user.name,
                         labels: run.labels, scheduledFor: nil, idempotencyKey: nil, rerunOf: run.id, spec: run.spec)
        new.spec = run.spec
        let nb = try await state.check.load(run.notebook)
        try state.check.checkParameters(parameters, of: nb, kernel: run.kernel)
        let (created, _) = try await state.store.createRun(new, now: Date())
        await state.wakeup.signal()
        return accepted(created)
    }

    private func visibleRun(_ context: QuireContext) async throws -> RunRecord {
        let raw = try context.parameters.require("id")
        guard let id = RunID(raw), let run = try await state.store.run(id) else { throw Problem.notFound("no run '\(raw)'") }
        let user = context.user ?? .local
        // Someone else's run answers 404, not 403: its existence is not theirs to know.
        guard user.mayAccess(owner: run.owner) else { throw Problem.notFound("no run '\(raw)'") }
        return run
    }

    private func accepted(_ run: RunRecord, location: Bool = true) -> Response {
        var headers: HTTPFields = [:]
        if location { headers[.location] = "/api/v1/runs/\(run.id.rawValue)" }
        return JSONResponse.make(RunJSON.encode(run), status: .accepted, headers: headers)
    }
}
