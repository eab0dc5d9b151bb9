import Foundation
import Hummingbird
import NotebookFormat
import NotebookRendering
import Scheduling

/// `/runs/{id}`: status with live progress, the run's facts, parameters and error (linked to the
/// failing cell), actions, and the rendered output notebook, streamed cell by cell. The
/// `/runs/{id}/fragment` route serves the part below the progress bar alone, which the page's
/// script fetches again as cells finish.
struct RunDetailPage: Sendable {
    let state: ServerState
    var runs: RunLookup { RunLookup(state: state) }
    /// Images larger than this (base64 bytes) are separate requests rather than inlined.
    static let inlineImageLimit = 256 << 10

    func register(on group: RouterGroup<QuireContext>) {
        group.get("runs/:id", use: show)
        group.get("runs/:id/fragment", use: fragment)
        group.get("runs/:id/download", use: download)
    }

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        let nb = try await runs.output(run)
        let previous = try await previousRun(run)
        let head = WebLayout.head(title: "Run \(run.id.rawValue)", context: context) + live(run) + "<div id=\"run-detail\">\n"
        return stream(run, nb: nb, previous: previous, context: context, before: head, after: "</div>\n" + WebLayout.tail())
    }

    @Sendable func fragment(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        return stream(run, nb: try await runs.output(run), previous: try await previousRun(run), context: context, before: "", after: "")
    }

    @Sendable func download(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        let bytes = try await runs.rawOutput(run)
        return Response(status: .ok, headers: [.contentType: "application/x-ipynb+json",
                                               .contentDisposition: "attachment; filename=\"\(run.id.rawValue).ipynb\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Everything is looked up before the first byte, so failures still get their status; then
    /// the notebook is rendered into the response as it goes.
    private func stream(_ run: RunRecord, nb: Notebook?, previous: RunRecord?, context: QuireContext, before: String, after: String) -> Response {
        let top = before + details(run, previous: previous, context: context)
        let renderer = NotebookRenderer(options: Self.renderOptions(run.id))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: top))
            if let nb {
                try await renderer.renderBody(nb) { chunk in try await writer.write(ByteBuffer(string: chunk)) }
            } else {
                try await writer.write(ByteBuffer(string: "<p class=\"muted\">No output notebook yet.</p>\n"))
            }
            try await writer.write(ByteBuffer(string: "</section>\n" + after))
            try await writer.finish(nil)
        })
    }

    static func renderOptions(_ id: RunID) -> RenderOptions {
        let base = "/runs/\(id.rawValue)"
        return RenderOptions(
            inlineImageLimit: inlineImageLimit,
            resourceURL: { cell, output, mime in "\(base)/images/\(cell)/\(output)?mime=\(WebHTML.queryEscape(mime))" },
            frameURL: { cell, output in "\(base)/frames/\(cell)/\(output)" })
    }

    private func live(_ run: RunRecord) -> String {
        let started = run.started.map { String(Int64($0.timeIntervalSince1970 * 1000)) } ?? ""
        let done = run.status.isFinal
        var out = "<h1>Run <code>\(run.id.rawValue)</code></h1>\n"
        out += "<section id=\"run-live\" class=\"live\" aria-label=\"Progress\" data-run=\"\(run.id.rawValue)\" data-status=\"\(run.status.rawValue)\" data-started=\"\(started)\">"
        out += "<span>Status: <span id=\"run-status\" class=\"badge status-\(run.status.rawValue)\" role=\"status\" aria-live=\"polite\">\(run.status.rawValue)</span></span>"
        out += "<label for=\"run-progress\">Progress</label><progress id=\"run-progress\" max=\"1\" value=\"\(done ? 1 : 0)\"></progress>"
        out += "<span id=\"run-step\">\(done ? "finished" : "")</span><span id=\"run-elapsed\" class=\"muted\"></span></section>\n"
        return out
    }

    private func details(_ run: RunRecord, previous: RunRecord?, context: QuireContext) -> String {
        let base = "/runs/\(run.id.rawValue)"
        var out = "<div class=\"actions\">"
        if !run.status.isFinal { out += WebLayout.actionButton("Cancel", action: base + "/cancel", context: context, danger: true) }
        out += WebLayout.actionButton("Re-run with the same parameters", action: base + "/rerun", context: context)
        if run.output != nil { out += " <a href=\"\(base)/download\">Download .ipynb</a>" }
        if let previous { out += " · <a href=\"/runs/\(previous.id.rawValue)\">Previous run of this job</a>" }
        out += "</div>\n"
        if let e = run.error {
            out += "<div class=\"problem\" role=\"alert\"><strong>\(WebHTML.escape(e.ename))</strong>: \(WebHTML.escape(e.evalue))"
            if let cell = e.cell { out += " — <a class=\"jump-to-failure\" href=\"#cell-\(cell)\">go to the failing cell</a>" }
            out += "</div>\n"
        }
        out += "<dl class=\"facts\">"
        func fact(_ k: String, _ v: String) { out += "<dt>\(k)</dt><dd>\(v)</dd>" }
        fact("Job", WebFormat.jobLink(run.job))
        fact("Notebook", "<code>\(WebHTML.escape(run.notebook))</code>")
        fact("Triggered by", WebHTML.escape(run.owner ?? "—") + (run.scheduledFor != nil ? " (schedule)" : ""))
        fact("Attempt", "\(run.attempt) of \(run.maxAttempts)")
        fact("Kernel", WebHTML.escape(run.kernelResolved ?? run.kernel ?? "—"))
        fact("Created", WebFormat.timeElement(run.created))
        fact("Started", WebFormat.timeElement(run.started))
        fact("Finished", WebFormat.timeElement(run.finished))
        fact("Duration", WebFormat.runDuration(run))
        fact("Input SHA-256", run.inputSHA256.map { "<code>\($0)</code>" } ?? "—")
        if let r = run.rerunOf { fact("Re-run of", "<a href=\"/runs/\(r.rawValue)\">\(r.rawValue)</a>") }
        out += "</dl>\n"
        if let params = run.parameters.objectValue, !params.isEmpty {
            out += "<table class=\"list\"><caption>Parameters</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Value</th></tr></thead><tbody>"
            for (k, v) in params { out += "<tr><td>\(WebHTML.escape(k))</td><td><code>\(WebHTML.escape(WebFormat.value(v)))</code></td></tr>" }
            out += "</tbody></table>\n"
        }
        out += "<section aria-labelledby=\"output-heading\"><h2 id=\"output-heading\">Output notebook</h2>\n"
        return out
    }

    private func previousRun(_ run: RunRecord) async throws -> RunRecord? {
        guard let job = run.job else { return nil }
        return try await state.store.listRuns(RunFilter(job: job, createdBefore: run.created), limit: 1, cursor: nil).runs.first
    }
}
