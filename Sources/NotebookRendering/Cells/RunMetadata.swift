import NotebookFormat

/// Papermill's run metadata: the parameters and timings of the run (`metadata.papermill`), each
/// cell's status and duration (`cells[i].metadata.papermill`) and the error banner cells.
enum RunMetadata {
    static let bannerTag = "papermill-error-cell-tag"

    /// A cell's recorded run.
    struct CellRun {
        var status: String?
        var duration: Double?

        init?(_ cell: Cell) {
            guard let pm = cell.metadata["papermill"]?.objectValue else { return nil }
            // Only the four states papermill writes become a CSS class.
            status = pm["status"]?.stringValue.flatMap { ["pending", "running", "completed", "failed"].contains($0) ? $0 : nil }
            duration = pm["duration"]?.doubleValue
            if status == nil, duration == nil { return nil }
        }
    }

    /// The first cell marked failed, else (when papermill added a banner) the first with an error output.
    static func failingCell(in nb: Notebook) -> Int? {
        if let i = nb.cells.firstIndex(where: {
            $0.metadata["papermill"]?["status"]?.stringValue == "failed" || $0.metadata["papermill"]?["exception"]?.boolValue == true
        }) { return i }
        guard nb.cells.contains(where: { $0.tags.contains(bannerTag) }) else { return nil }
        return nb.cells.firstIndex { $0.outputs.contains { if case .error = $0 { true } else { false } } }
    }

    static func cellStatus(_ run: CellRun, into out: inout HTMLBuffer) {
        out.raw("<div class=\"cell-run\">")
        if let s = run.status { out.raw("<span class=\"run-status status-\(s)\">\(s)</span>") }
        if let d = run.duration { out.raw(" <span class=\"run-duration\" title=\"duration\">\(formatDuration(d))</span>") }
        out.raw("</div>\n")
    }

    /// The run's parameters and timings, when the notebook was produced by papermill or Quire.
    static func header(_ nb: Notebook, context: RenderContext, into out: inout HTMLBuffer) {
        guard let pm = nb.metadata["papermill"]?.objectValue else { return }
        out.raw("<section class=\"run-header\" aria-label=\"Run\">\n<dl class=\"run-facts\">")
        let failed = pm["exception"]?.boolValue == true
        out.raw("<div><dt>Status</dt><dd class=\"\(failed ? "status-failed" : "status-completed")\">\(failed ? "failed" : "completed")")
        if failed, let f = context.failingCell {
            out.raw(" (<a href=\"#\(context.anchor(f))\">failing cell</a>)")
        }
        out.raw("</dd></div>")
        for (key, label) in [("start_time", "Started"), ("end_time", "Ended")] {
            guard let t = pm[key]?.stringValue else { continue }
            out.raw("<div><dt>\(label)</dt><dd><time datetime=\"")
            out.attribute(t)
            out.raw("\">")
            out.text(t)
            out.raw("</time></dd></div>")
        }
        if let d = pm["duration"]?.doubleValue { out.raw("<div><dt>Duration</dt><dd>\(formatDuration(d))</dd></div>") }
        for (key, label) in [("input_path", "Input"), ("output_path", "Output")] {
            guard let p = pm[key]?.stringValue else { continue }
            out.raw("<div><dt>\(label)</dt><dd><code>")
            out.text(p)
            out.raw("</code></dd></div>")
        }
        out.raw("</dl>\n")
        let parameters = pm["parameters"]?.objectValue ?? JSONObject()
        if parameters.isEmpty {
            out.raw("<p class=\"run-parameters-none\">No parameters.</p>\n")
        } else {
            out.raw("<table class=\"run-parameters\"><caption>Parameters</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Value</th></tr></thead><tbody>\n")
            for (name, value) in parameters {
                out.raw("<tr><th scope=\"row\"><code>")
                out.text(name)
                out.raw("</code></th><td><code>")
                out.text(String(decoding: value.serialized(.compact), as: UTF8.self))
                out.raw("</code></td></tr>\n")
            }
            out.raw("</tbody></table>\n")
        }
        out.raw("</section>\n")
    }

    /// `75 ms`, `2.31 s`, `3 min 05 s`.
    static func formatDuration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 {
            let hundredths = Int((seconds * 100).rounded())
            let frac = hundredths % 100
            return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac) s"
        }
        let whole = Int(seconds.rounded())
        let s = whole % 60
        if whole < 3600 { return "\(whole / 60) min \(s < 10 ? "0" : "")\(s) s" }
        let m = (whole / 60) % 60
        return "\(whole / 3600) h \(m < 10 ? "0" : "")\(m) min"
    }
}
