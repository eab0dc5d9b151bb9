import Foundation
import Hummingbird
import NotebookFormat
import Scheduling

/// `/jobs/{name}`: the definition, the schedule in words and in the job's zone, the run history
/// (paged, filterable by status), the "Run now" form, and pause/resume.
struct JobPage: Sendable {
    let state: ServerState

    func register(on group: RouterGroup<QuireContext>) {
        group.get("jobs/:name", use: show)
        group.post("jobs/:name/run", use: runNow)
        group.post("jobs/:name/pause") { request, context in try await setActive(false, context) }
        group.post("jobs/:name/resume") { request, context in try await setActive(true, context) }
    }

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        let stored = try await visibleJob(context)
        let form = await runNowForm(stored)
        return try await page(stored, form: form, request: request, context: context, status: .ok)
    }

    @Sendable func runNow(_ request: Request, context: QuireContext) async throws -> Response {
        let stored = try await visibleJob(context)
        let job = try JobJSON.definition(of: stored)
        var form = await runNowForm(stored)
        if form.formError == nil, let overrides = form.read(context.web.form) {
            do {
                let run = try await JobTrigger(state: state).run(job, overrides: overrides, user: context.user ?? .local)
                return WebResponse.redirect("/runs/\(run.id.rawValue)")
            } catch let problem as Problem where problem.status == .badRequest {
                form.attach(problem)
            }
        }
        return try await page(stored, form: form, request: request, context: context, status: .badRequest)
    }

    func setActive(_ active: Bool, _ context: QuireContext) async throws -> Response {
        let job = try await visibleJob(context)
        guard try await state.store.setJobActive(job.name, active: active, now: Date()) != nil else {
            throw Problem.notFound("no job '\(job.name)'")
        }
        return WebResponse.redirect("/jobs/\(WebHTML.segment(job.name))")
    }

    /// The form from the notebook's parameters cell; a notebook that cannot be read (or whose path
    /// is a template filled per run) gives a form error instead of fields.
    func runNowForm(_ stored: StoredJob) async -> RunNowForm {
        guard let job = try? JobJSON.definition(of: stored) else {
            var form = RunNowForm(inspection: nil, jobParameters: [:])
            form.formError = "the stored definition of this job is invalid"
            return form
        }
        if job.notebook.contains("{") {
            return RunNowForm(inspection: nil, jobParameters: job.parameters)
        }
        do {
            let nb = try await state.check.load(job.notebook)
            return RunNowForm(inspection: try state.check.inspect(nb, kernel: job.kernel), jobParameters: job.parameters)
        } catch let problem as Problem {
            var form = RunNowForm(inspection: nil, jobParameters: job.parameters)
            form.formError = problem.detail
            return form
        } catch {
            var form = RunNowForm(inspection: nil, jobParameters: job.parameters)
            form.formError = "\(error)"
            return form
        }
    }

    private func page(_ stored: StoredJob, form: RunNowForm, request: Request, context: QuireContext,
                      status: HTTPResponse.Status) async throws -> Response {
        let job = try? JobJSON.definition(of: stored)
        let name = WebHTML.escape(stored.name)
        let path = "/jobs/\(WebHTML.segment(stored.name))"
        var body = "<h1>Job \(name)"
        if !stored.active { body += " <span class=\"badge\">paused</span>" }
        body += "</h1>\n<div class=\"actions\">"
        body += stored.active ? WebLayout.actionButton("Pause", action: path + "/pause", context: context)
                              : WebLayout.actionButton("Resume", action: path + "/resume", context: context)
        body += "</div>\n<h2 id=\"schedule\">Schedule</h2>\n<dl class=\"facts\">"
        if let job, let schedule = job.schedule {
            var effective = job
            effective.active = stored.active
            let next = Scheduler.nextFire(of: effective, after: Date())
            body += "<dt>When</dt><dd>\(WebHTML.escape(schedule.summary())) (\(WebHTML.escape(job.timeZoneName)) time)</dd>"
            body += "<dt>Cron</dt><dd><code>\(WebHTML.escape(schedule.description))</code></dd>"
            body += "<dt>Next run</dt><dd>\(next.map { WebFormat.timeElement($0, zone: job.timeZone) } ?? "<span class=\"muted\">none while paused</span>")</dd>"
        } else {
            body += "<dt>When</dt><dd>only when triggered</dd>"
        }
        body += "<dt>Source</dt><dd>\(stored.source == "config" ? "quire.yaml" : "API")</dd>"
        body += "<dt>Owner</dt><dd>\(WebHTML.escape(stored.owner ?? "—"))</dd></dl>\n"
        body += "<h2 id=\"run-now\">Run now</h2>\n" + form.html(action: path + "/run", context: context)
        body += try await history(stored.name, request: request, path: path)
        body += "<h2 id=\"definition\">Definition</h2>\n<pre class=\"definition\"><code class=\"language-json\">"
        body += WebHTML.escape(String(decoding: stored.definition.serialized(.notebook), as: UTF8.self)) + "</code></pre>\n"
        return WebResponse.html(WebLayout.page(title: "Job \(stored.name)", body: body, context: context), status: status)
    }

    private func history(_ job: String, request: Request, path: String) async throws -> String {
        let q = QueryParameters(request: request)
        let status = try RunFilters.statuses(q)
        var filter = RunFilter(job: job)
        filter.status = status
        let page = try await RunFilters.page(state.store, filter, cursor: q.string("cursor"))
        var out = "<h2 id=\"history\">Run history</h2>\n"
        out += RunFilters.form(action: path, status: status.first, job: nil, anchor: "history")
        out += WebFormat.runTable(page.runs, caption: "Runs of this job", showJob: false)
        out += RunFilters.pager(page, base: path, status: status.first, job: nil, anchor: "history")
        return out
    }

    private func visibleJob(_ context: QuireContext) async throws -> StoredJob {
        let name = try context.parameters.require("name")
        guard let job = try await state.store.job(name), (context.user ?? .local).mayAccess(owner: job.owner) else {
            throw Problem.notFound("no job '\(name)'")
        }
        return job
    }
}
