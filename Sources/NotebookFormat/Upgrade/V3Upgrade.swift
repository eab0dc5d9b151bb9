/// Upgrades an nbformat 3 (or 2) document to 4.5 as `nbformat.convert` does: worksheets flattened,
/// `input` → `source`, `prompt_number` → `execution_count`, `pyout` → `execute_result`,
/// `pyerr` → `error`, heading cells → markdown headings, v3 output keys → mime types.
enum V3Upgrade {
    static let multilineOutputKeys = ["text", "html", "svg", "latex", "javascript", "json"]
    static let mimeAliases: [(String, String)] = [
        ("text", "text/plain"), ("html", "text/html"), ("svg", "image/svg+xml"), ("png", "image/png"),
        ("jpeg", "image/jpeg"), ("latex", "text/latex"), ("json", "application/json"),
        ("javascript", "application/javascript"),
    ]

    enum Failure: Error { case missing(String), notObject(String) }

    static func upgrade(_ top: JSONObject) throws(Failure) -> JSONObject {
        guard var meta = top["metadata"].map({ $0.objectValue }) else { throw .missing("metadata") }
        guard meta != nil else { throw .notObject("metadata") }
        meta!.removeValue(forKey: "name")
        meta!.removeValue(forKey: "signature")
        guard let worksheets = top["worksheets"] else { throw .missing("worksheets") }
        var cells: [JSONValue] = []
        for ws in worksheets.arrayValue ?? [] {
            guard let wsCells = ws["cells"] else { throw .missing("cells") }
            for cell in wsCells.arrayValue ?? [] {
                guard let c = cell.objectValue else { throw .notObject("cell") }
                cells.append(.object(upgradeCell(c)))
            }
        }
        return JSONObject(uniqueMembers: [
            ("cells", .array(cells)), ("metadata", .object(meta!)), ("nbformat", 4), ("nbformat_minor", 5),
        ])
    }

    /// v3's reader rejoins lines with "\n" when they were split without line ends (older writers did).
    static func joinV3(_ v: JSONValue) -> JSONValue {
        guard case .array(let items) = v, items.allSatisfy({ $0.stringValue != nil }) else { return v }
        let lines = items.compactMap(\.stringValue)
        let keepEnds = lines.first.map { $0.hasSuffix("\n") || $0.hasSuffix("\r") } ?? false
        return .string(lines.joined(separator: keepEnds ? "" : "\n"))
    }

    static func upgradeCell(_ raw: JSONObject) -> JSONObject {
        var cell = raw
        if cell["metadata"] == nil { cell["metadata"] = .object(JSONObject()) }
        cell["id"] = .string(CellID.random())
        switch cell["cell_type"]?.stringValue {
        case "code":
            cell.removeValue(forKey: "language")
            if let collapsed = cell.removeValue(forKey: "collapsed") { cell["metadata"]?["collapsed"] = collapsed }
            cell["source"] = joinV3(cell.removeValue(forKey: "input") ?? "")
            cell["execution_count"] = cell.removeValue(forKey: "prompt_number") ?? .null
            cell["outputs"] = .array((cell["outputs"]?.arrayValue ?? []).map { out in
                out.objectValue.map { .object(upgradeOutput($0)) } ?? out
            })
        case "heading":
            cell["cell_type"] = "markdown"
            let level = cell.removeValue(forKey: "level")?.intValue ?? 1
            let text = cell["source"].map(joinV3)?.stringValue ?? ""
            let single = MultilineText.splitLines(text).map(stripLineEnd).joined(separator: " ")
            cell["source"] = .string(String(repeating: "#", count: level) + " " + single)
        case "html":
            cell["cell_type"] = "markdown"
            if let s = cell["source"] { cell["source"] = joinV3(s) }
        default:
            if let s = cell["source"] { cell["source"] = joinV3(s) }
        }
        if let r = cell["rendered"] { cell["rendered"] = joinV3(r) }
        return cell
    }

    static func stripLineEnd(_ line: String) -> String {
        var s = Substring(line)
        while let last = s.unicodeScalars.last, [0x0A, 0x0D, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(last.value) {
            s = Substring(s.unicodeScalars.dropLast())
        }
        return String(s)
    }

    static func upgradeOutput(_ raw: JSONObject) -> JSONObject {
        var out = raw
        for k in multilineOutputKeys { if let v = out[k] { out[k] = joinV3(v) } }
        switch out["output_type"]?.stringValue {
        case "pyout", "display_data":
            if out["metadata"] == nil { out["metadata"] = .object(JSONObject()) }
            if out["output_type"]?.stringValue == "pyout" {
                out["output_type"] = "execute_result"
                out["execution_count"] = out.removeValue(forKey: "prompt_number") ?? .null
            }
            var data = JSONObject()
            for (k, v) in out where !["output_type", "execution_count", "metadata"].contains(k) {
                data[k] = v
                out.removeValue(forKey: k)
            }
            data = toMimeKeys(data)
            if let json = data["application/json"]?.stringValue, let parsed = try? JSONValue.parse(json) {
                data["application/json"] = parsed
            }
            out["data"] = .object(data)
            if let meta = out["metadata"]?.objectValue { out["metadata"] = .object(toMimeKeys(meta)) }
        case "pyerr":
            out["output_type"] = "error"
        case "stream":
            out["name"] = out.removeValue(forKey: "stream") ?? "stdout"
        default:
            break
        }
        return out
    }

    static func toMimeKeys(_ d: JSONObject) -> JSONObject {
        var out = d
        for (alias, mime) in mimeAliases {
            if let v = out.removeValue(forKey: alias) { out[mime] = v }
        }
        return out
    }
}
