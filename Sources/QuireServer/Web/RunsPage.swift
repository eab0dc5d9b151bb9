import Hummingbird
import Scheduling

/// `/runs`: every run the user may see, newest first, filtered by status and job, a page at a time.
struct RunsPage: Sendable {
    let state: ServerState

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        let q = QueryParameters(request: request)
        let user = context.user ?? .local
        let status = try RunFilters.statuses(q)
        let job = q.string("job").flatMap { $0.isEmpty ? nil : $0 }
        var filter = RunFilter(job: job, status: status)
        if !user.admin { filter.owner = user.name }
        let page = try await RunFilters.page(state.store, filter, cursor: q.string("cursor"))
        let jobs = try await state.store.jobs().filter { user.mayAccess(owner: $0.owner) }.map(\.name)
        var body = "<h1>Runs</h1>\n"
        body += RunFilters.form(action: "/runs", status: status.first, job: job, anchor: "runs", jobs: jobs)
        body += "<div id=\"runs\">" + WebFormat.runTable(page.runs, caption: "Runs") + "</div>"
        body += RunFilters.pager(page, base: "/runs", status: status.first, job: job, anchor: "runs")
        return WebResponse.html(WebLayout.page(title: "Runs", body: body, context: context))
    }
}
