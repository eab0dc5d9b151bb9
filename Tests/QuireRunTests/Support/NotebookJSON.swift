import Foundation

/// Notebooks as plain JSON values (`JSONSerialization`), so the tests see exactly what is on disk
/// and never depend on the model under test.
typealias JSONObject = [String: Any]

enum NotebookJSON {
    static func read(_ path: String) throws -> JSONObject {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let obj = try JSONSerialization.jsonObject(with: quotingNonFinite(data)) as? JSONObject else {
            throw TestFailure("\(path): not a JSON object")
        }
        return obj
    }

    /// Python's json (papermill) and Quire both write bare `NaN`, `Infinity`, `-Infinity` for such
    /// parameters; JSONSerialization rejects them, so they become the strings "NaN"… before parsing.
    static func quotingNonFinite(_ data: Data) -> Data {
        var out = [UInt8](), inString = false, escaped = false
        let bytes = [UInt8](data)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                out.append(b); i += 1; continue
            }
            if b == UInt8(ascii: "\"") { inString = true; out.append(b); i += 1; continue }
            var matched = false
            for token in ["-Infinity", "Infinity", "NaN"] where bytes[i...].starts(with: Array(token.utf8)) {
                out += Array("\"\(token)\"".utf8); i += token.utf8.count; matched = true; break
            }
            if !matched { out.append(b); i += 1 }
        }
        return Data(out)
    }

    static func write(_ nb: JSONObject, to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: nb, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }

    static func cells(_ nb: JSONObject) -> [JSONObject] { nb["cells"] as? [JSONObject] ?? [] }

    /// nbclient's test copy: every `execution_count` removed and every `outputs` emptied.
    static func stripped(_ nb: JSONObject) -> JSONObject {
        var copy = nb
        copy["cells"] = cells(nb).map { cell -> JSONObject in
            var c = cell
            if c["cell_type"] as? String == "code" {
                c["outputs"] = [Any]()
                c["execution_count"] = NSNull()
            }
            return c
        }
        return copy
    }

    /// Source as one string (nbformat stores a string or a list of lines).
    static func source(_ cell: JSONObject) -> String { joined(cell["source"]) }

    static func joined(_ v: Any?) -> String {
        if let s = v as? String { return s }
        if let l = v as? [String] { return l.joined() }
        return ""
    }

    static func tags(_ cell: JSONObject) -> [String] {
        (cell["metadata"] as? JSONObject)?["tags"] as? [String] ?? []
    }

    /// `execution_count` as Int, nil for null/absent.
    static func count(_ cell: JSONObject) -> Int? { (cell["execution_count"] as? NSNumber)?.intValue }

    static func outputs(_ cell: JSONObject) -> [JSONObject] { cell["outputs"] as? [JSONObject] ?? [] }

    static func papermill(_ cell: JSONObject) -> JSONObject {
        (cell["metadata"] as? JSONObject)?["papermill"] as? JSONObject ?? [:]
    }

    /// Indices of the papermill error-banner markdown cells.
    static func bannerIndices(_ nb: JSONObject) -> [Int] {
        cells(nb).enumerated().compactMap { i, c in tags(c).contains("papermill-error-cell-tag") ? i : nil }
    }

    /// Canonical text of a JSON value (sorted keys), for equality and readable diffs.
    static func canonical(_ v: Any) -> String {
        guard JSONSerialization.isValidJSONObject([v]),
              let d = try? JSONSerialization.data(withJSONObject: [v], options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed])
        else { return "\(v)" }
        return String(decoding: d, as: UTF8.self)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
