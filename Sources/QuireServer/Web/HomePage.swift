import Foundation
import Hummingbird
import Scheduling

/// `/`: every job with its last run, next fire time and recent history; what runs now; what
/// failed in the last 24 hours.
struct HomePage: Sendable {
    let state: ServerState

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        let user = context.user ?? .local
        let now = Date()
        var body = "<h1>Quire</h1>\n<h2 id=\"jobs\">Jobs</h2>\n"
        let jobs = try await state.store.jobs().filter { user.mayAccess(owner: $0.owner) }
        if jobs.isEmpty {
            body += "<p class=\"muted\">No jobs are defined. Add them under <code>jobs:</code> in quire.yaml or with <code>POST /api/v1/jobs</code>.</p>\n"
        } else {
            body += "<table class=\"list\"><caption class=\"visually-hidden\">Jobs</caption><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Last run</th>"
            body += "<th scope=\"col\">Next run</th><th scope=\"col\">Recent runs</th></tr></thead><tbody>\n"
            for stored in jobs {
                let definition = try? JobDefinition.decode(stored.definition)
                var effective = definition
                effective?.active = stored.active
                let recent = try await state.store.listRuns(RunFilter(job: stored.name), limit: 20, cursor: nil).runs
                body += "<tr><td>\(WebFormat.jobLink(stored.name))"
                if !stored.active { body += " <span class=\"badge\">paused</span>" }
                body += "</td><td>"
                if let last = recent.first { body += "\(WebFormat.badge(last.status)) \(WebFormat.runLink(last))" } else { body += "—" }
                let next = effective.flatMap { Scheduler.nextFire(of: $0, after: now) }
                body += "</td><td>\(next == nil ? "<span class=\"muted\">not scheduled</span>" : WebFormat.timeElement(next, zone: definition?.timeZone ?? TimeZone(identifier: "UTC")!))</td>"
                body += "<td>\(WebFormat.strip(recent))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        let owner = user.admin ? nil : user.name
        let running = try await state.store.listRuns(RunFilter(status: [.running, .queued], owner: owner), limit: 50, cursor: nil).runs
        body += "<h2 id=\"running\">Running and queued</h2>\n" + WebFormat.runTable(running, caption: "Running and queued runs")
        let failed = try await state.store.listRuns(
            RunFilter(status: [.failed, .timed_out], owner: owner, createdAfter: now.addingTimeInterval(-86_400)), limit: 50, cursor: nil).runs
        body += "<h2 id=\"failures\">Failures in the last 24 hours</h2>\n" + WebFormat.runTable(failed, caption: "Failed runs of the last 24 hours")
        return WebResponse.html(WebLayout.page(title: "Home", body: body, context: context))
    }
}
