import Foundation
import NotebookFormat
import Scheduling

/// How the pages write times, durations, statuses and links.
enum WebFormat {
    /// `2026-11-30 08:00:05 UTC`, or in `zone` with its abbreviation.
    static func time(_ date: Date?, zone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        guard let date else { return "—" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return f.string(from: date)
    }

    /// A `<time>` element: machine-readable ISO time, human-readable text.
    static func timeElement(_ date: Date?, zone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        guard let date else { return "—" }
        return "<time datetime=\"\(ISOTime.format(date))\">\(WebHTML.escape(time(date, zone: zone)))</time>"
    }

    static func duration(_ seconds: Double?) -> String {
        guard let s = seconds, s.isFinite, s >= 0 else { return "—" }
        if s < 60 { return String(format: "%.1f s", s) }
        let total = Int(s.rounded())
        if total < 3600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3600) h \(total % 3600 / 60) min"
    }

    /// `812 B`, `1.4 KiB`, `3.0 MiB`: object sizes in the store browser.
    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        var value = Double(n) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 || unit == "GiB" { return String(format: "%.1f", value) + " " + unit }
            value /= 1024
        }
        return "\(n) B"
    }

    static func runDuration(_ run: RunRecord) -> String {
        guard let started = run.started else { return "—" }
        return duration((run.finished ?? Date()).timeIntervalSince(started))
    }

    static func badge(_ status: RunStatus) -> String {
        "<span class=\"badge status-\(status.rawValue)\">\(status.rawValue)</span>"
    }

    static func runLink(_ run: RunRecord) -> String {
        "<a href=\"/runs/\(run.id.rawValue)\"><code>\(run.id.rawValue)</code></a>"
    }

    static func jobLink(_ name: String?) -> String {
        guard let name else { return "<span class=\"muted\">ad hoc</span>" }
        return "<a href=\"/jobs/\(WebHTML.segment(name))\">\(WebHTML.escape(name))</a>"
    }

    /// Recent runs oldest to newest as small coloured blocks, each a link with its status as text
    /// for screen readers and as a tooltip.
    static func strip(_ runs: [RunRecord]) -> String {
        guard !runs.isEmpty else { return "<span class=\"muted\">no runs yet</span>" }
        var out = "<span class=\"strip\">"
        for run in runs.reversed() {
            let label = "\(run.status.rawValue), \(time(run.created))"
            out += "<a class=\"s-\(run.status.rawValue)\" href=\"/runs/\(run.id.rawValue)\" title=\"\(WebHTML.escape(label))\" aria-label=\"\(WebHTML.escape(label))\"></a>"
        }
        return out + "</span>"
    }

    /// A JSON value as a user reads it: strings bare, everything else as compact JSON.
    static func value(_ v: JSONValue) -> String {
        if case .string(let s) = v { return s }
        return String(decoding: v.serialized(.compact), as: UTF8.self)
    }

    /// A run table (used by the home, job and runs pages).
    static func runTable(_ runs: [RunRecord], caption: String, showJob: Bool = true) -> String {
        guard !runs.isEmpty else { return "<p class=\"muted\">No runs.</p>\n" }
        var out = "<table class=\"list\"><caption class=\"visually-hidden\">\(WebHTML.escape(caption))</caption><thead><tr><th scope=\"col\">Run</th>"
        if showJob { out += "<th scope=\"col\">Job</th>" }
        out += "<th scope=\"col\">Status</th><th scope=\"col\">Created</th><th scope=\"col\">Duration</th><th scope=\"col\">Error</th></tr></thead><tbody>\n"
        for r in runs {
            out += "<tr><td>\(runLink(r))</td>"
            if showJob { out += "<td>\(jobLink(r.job))</td>" }
            out += "<td>\(badge(r.status))</td><td>\(timeElement(r.created))</td><td>\(runDuration(r))</td><td>"
            if let e = r.error { out += WebHTML.escape("\(e.ename): \(e.evalue)".prefix(120).description) }
            out += "</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
