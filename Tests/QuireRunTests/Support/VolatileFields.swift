import Foundation

/// Normalises only what legitimately differs between two runs of one notebook — times, durations,
/// versions, banner cell ids, paths (papermill's input/output paths, kernel temp files in
/// tracebacks and warnings), memory addresses — and drops `metadata.quire`, which papermill does not
/// write. Everything else (outputs, counts, statuses, tags, `exception`, parameters…) must match.
enum VolatileFields {
    static func normalise(_ nb: JSONObject) -> JSONObject {
        var out = nb
        var meta = nb["metadata"] as? JSONObject ?? [:]
        meta.removeValue(forKey: "quire")
        if var pm = meta["papermill"] as? JSONObject {
            for k in ["start_time", "end_time", "duration", "version", "input_path", "output_path"] { pm[k] = mask(pm[k]) }
            meta["papermill"] = pm
        }
        out["metadata"] = meta
        out["cells"] = NotebookJSON.cells(nb).map(normaliseCell)
        return out
    }

    static func normaliseCell(_ cell: JSONObject) -> JSONObject {
        var c = cell
        var meta = c["metadata"] as? JSONObject ?? [:]
        // papermill gives the cells it creates (banners, injected parameters) random ids; Quire
        // deterministic ones. Input cells keep theirs in both.
        if NotebookJSON.tags(cell).contains("papermill-error-cell-tag") { c["id"] = "<banner-id>" }
        if NotebookJSON.tags(cell).contains("injected-parameters") { c["id"] = "<injected-id>" }
        if var pm = meta["papermill"] as? JSONObject {
            for k in ["start_time", "end_time", "duration"] { pm[k] = mask(pm[k]) }
            meta["papermill"] = pm
        }
        if let exec = meta["execution"] as? JSONObject {
            meta["execution"] = exec.mapValues { _ in "<time>" }
        }
        c["metadata"] = meta
        if let outputs = c["outputs"] as? [JSONObject] { c["outputs"] = outputs.map(normaliseOutput) }
        return c
    }

    static func normaliseOutput(_ o: JSONObject) -> JSONObject {
        var o = o
        if let t = o["text"] { o["text"] = scrub(NotebookJSON.joined(t)) }
        if let tb = o["traceback"] as? [String] { o["traceback"] = tb.map(scrub) }
        if var data = o["data"] as? JSONObject, let plain = data["text/plain"] {
            data["text/plain"] = scrub(NotebookJSON.joined(plain))
            o["data"] = data
        }
        // Both writers split multi-line strings; compare the joined text.
        if var data = o["data"] as? JSONObject {
            for (k, v) in data where v is [String] { data[k] = NotebookJSON.joined(v) }
            o["data"] = data
        }
        return o
    }

    /// null stays null (that difference matters); any value becomes a placeholder.
    static func mask(_ v: Any?) -> Any {
        guard let v, !(v is NSNull) else { return NSNull() }
        return "<volatile>"
    }

    /// Kernel temp files (`/tmp/ipykernel_123/456.py`), other absolute `.py` paths, addresses.
    static func scrub(_ s: String) -> String {
        s.replacingOccurrences(of: "/[^\\s:'\"]*ipykernel_\\d+/\\d+\\.py", with: "<cell-file>", options: .regularExpression)
            .replacingOccurrences(of: "/[^\\s:'\"]+\\.py", with: "<path>.py", options: .regularExpression)
            .replacingOccurrences(of: "0x[0-9a-fA-F]{6,16}", with: "<address>", options: .regularExpression)
    }
}
