import Foundation
import Hummingbird
import NotebookFormat
import Scheduling

/// `/api/v1/jobs`: job definitions (CRUD for API-defined jobs; jobs from quire.yaml are read-only
/// here), pause/resume and "trigger now".
struct JobRoutes: Sendable {
    let state: ServerState

    func register(on group: RouterGroup<QuireContext>) {
        group.get("jobs", use: list)
        group.post("jobs", use: create)
        group.get("jobs/:name", use: show)
        group.put("jobs/:name", use: replace)
        group.delete("jobs/:name", use: delete)
        group.post("jobs/:name/pause") { request, context in try await setActive(false, request, context) }
        group.post("jobs/:name/resume") { request, context in try await setActive(true, request, context) }
        group.post("jobs/:name/trigger", use: trigger)
    }

    @Sendable func list(_ request: Request, context: QuireContext) async throws -> Response {
        let user = context.user ?? .local
        var out: [JSONValue] = []
        for job in try await state.store.jobs() where user.mayAccess(owner: job.owner) {
            out.append(try await JobJSON.encode(job, store: state.store))
        }
        return JSONResponse.make(["jobs": .array(out)])
    }

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        JSONResponse.make(try await JobJSON.encode(try await visibleJob(context), store: state.store))
    }

    @Sendable func create(_ request: Request, context: QuireContext) async throws -> Response {
        let user = context.user ?? .local
        var job = try JobJSON.decode(try await request.jsonObject())
        if job.owner == nil || !user.admin { job.owner = user.name }
        try await state.check.validate(job)
        guard try await state.store.job(job.name) == nil else { throw Problem.conflict("a job named '\(job.name)' already exists") }
        let now = Date()
        let stored = StoredJob(name: job.name, definition: job.jsonValue, source: "api", active: job.active, owner: job.owner,
                               tags: job.tags, created: now, updated: now)
        try await state.store.upsertJob(stored)
        return JSONResponse.make(try await JobJSON.encode(stored, store: state.store), status: .created,
                                 headers: [.location: "/api/v1/jobs/\(job.name)"])
    }

    @Sendable func replace(_ request: Request, context: QuireContext) async throws -> Response {
        let existing = try await visibleJob(context)
        guard existing.source == "api" else {
            throw Problem.conflict("job '\(existing.name)' is defined in quire.yaml; change it there (it is reloaded on save)")
        }
        var body = try await request.jsonObject()
        if body["name"] == nil { body["name"] = .string(existing.name) }
        var job = try JobJSON.decode(body)
        guard job.name == existing.name else {
            throw Problem.badRequest("name '\(job.name)' does not match the job in the URL ('\(existing.name)'); jobs cannot be renamed", field: "name")
        }
        let user = context.user ?? .local
        if job.owner == nil || !user.admin { job.owner = existing.owner ?? user.name }
        try await state.check.validate(job)
        let stored = StoredJob(name: job.name, definition: job.jsonValue, source: "api", active: job.active, owner: job.owner,
                               tags: job.tags, created: existing.created, updated: Date())
        try await state.store.upsertJob(stored)
        return JSONResponse.make(try await JobJSON.encode(stored, store: state.store))
    }

    @Sendable func delete(_ request: Request, context: QuireContext) async throws -> Response {
        let job = try await visibleJob(context)
        guard job.source == "api" else {
            throw Problem.conflict("job '\(job.name)' is defined in quire.yaml; remove it there")
        }
        _ = try await state.store.deleteJob(job.name)
        return Response(status: .noContent)
    }

    func setActive(_ active: Bool, _ request: Request, _ context: QuireContext) async throws -> Response {
        let job = try await visibleJob(context)
        guard let updated = try await state.store.setJobActive(job.name, active: active, now: Date()) else {
            throw Problem.notFound("no job '\(job.name)'")
        }
        return JSONResponse.make(try await JobJSON.encode(updated, store: state.store))
    }

    @Sendable func trigger(_ request: Request, context: QuireContext) async throws -> Response {
        let stored = try await visibleJob(context)
        let body = try await request.jsonObject()
        try BodyFields.rejectUnknown(body, allowed: ["parameters"])
        let overrides = try BodyFields.object(body, "parameters") ?? JSONObject()
        let job = try JobJSON.definition(of: stored)
        let run = try await JobTrigger(state: state).run(job, overrides: overrides, user: context.user ?? .local)
        return JSONResponse.make(RunJSON.encode(run), status: .accepted, headers: [.location: "/api/v1/runs/\(run.id.rawValue)"])
    }

    private func visibleJob(_ context: QuireContext) async throws -> StoredJob {
        let name = try context.parameters.require("name")
        guard let job = try await state.store.job(name), (context.user ?? .local).mayAccess(owner: job.owner) else {
            throw Problem.notFound("no job '\(name)'")
        }
        return job
    }
}
