import Scheduling

/// The status/job filter form and cursor pager shared by the runs list and the job page.
enum RunFilters {
    static let pageSize = 25

    static func statuses(_ q: QueryParameters) throws -> [RunStatus] {
        try q.all("status").filter { !$0.isEmpty }.map { raw in
            guard let s = RunStatus(rawValue: raw) else {
                throw Problem.badRequest("status '\(raw)' is not one of \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            return s
        }
    }

    static func page(_ store: any SchedulingStore, _ filter: RunFilter, cursor: String?) async throws -> RunPage {
        do { return try await store.listRuns(filter, limit: pageSize, cursor: cursor) } catch {
            if cursor != nil { throw Problem.badRequest("cursor: \(error)", field: "cursor") }
            throw error
        }
    }

    /// A GET form: filtering is a plain link anyone can bookmark.
    static func form(action: String, status: RunStatus?, job: String?, anchor: String, jobs: [String]? = nil) -> String {
        var out = "<form class=\"filters\" method=\"get\" action=\"\(WebHTML.escape(action))#\(anchor)\">"
        out += "<label for=\"filter-status\">Status<select id=\"filter-status\" name=\"status\"><option value=\"\">any</option>"
        for s in RunStatus.allCases {
            out += "<option value=\"\(s.rawValue)\"\(s == status ? " selected" : "")>\(s.rawValue)</option>"
        }
        out += "</select></label>"
        if let jobs {
            out += "<label for=\"filter-job\">Job<select id=\"filter-job\" name=\"job\"><option value=\"\">any</option>"
            for j in jobs { out += "<option value=\"\(WebHTML.escape(j))\"\(j == job ? " selected" : "")>\(WebHTML.escape(j))</option>" }
            out += "</select></label>"
        }
        return out + "<button type=\"submit\">Filter</button></form>\n"
    }

    static func pager(_ page: RunPage, base: String, status: RunStatus?, job: String?, anchor: String) -> String {
        guard let next = page.nextCursor else { return "" }
        var query = "cursor=" + WebHTML.queryEscape(next)
        if let status { query += "&status=" + status.rawValue }
        if let job { query += "&job=" + WebHTML.queryEscape(job) }
        return "<p class=\"pager\"><a rel=\"next\" href=\"\(WebHTML.escape(base + "?" + query))#\(anchor)\">Older runs</a></p>\n"
    }
}
