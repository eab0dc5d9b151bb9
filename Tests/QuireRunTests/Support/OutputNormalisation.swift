import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// nbclient's output normalisation for its stored-output tests (papermill-behaviour.md §10.1),
/// applied to both sides before comparing. Tracebacks are compared loosely (see `looseTraceback`).
enum OutputNormalisation {
    static func normalise(_ outputs: [JSONObject]) -> [Any] { outputs.map(normalise) }

    static func normalise(_ output: JSONObject) -> Any {
        var o = output
        o.removeValue(forKey: "metadata")                                   // rule 1
        if let text = o["text"] { o["text"] = maskAddresses(NotebookJSON.joined(text)) }  // rule 2 (stream)
        if var data = o["data"] as? JSONObject {
            for (mime, value) in data {
                switch mime {
                case "text/plain": data[mime] = maskAddresses(NotebookJSON.joined(value))   // rule 2
                case "application/vnd.jupyter.widget-view+json":                          // rule 3
                    if var v = value as? JSONObject { v["model_id"] = "<model_id>"; data[mime] = v }
                case "image/svg+xml": data[mime] = SVGTree.canonical(NotebookJSON.joined(value))  // rule 4
                default:
                    if value is String || value is [String] { data[mime] = base64RoundTrip(NotebookJSON.joined(value)) } // rule 5
                }
            }
            o["data"] = data
        }
        if let tb = o["traceback"] as? [String] { o["traceback"] = looseTraceback(tb) }  // rule 6, loosely
        return o
    }

    /// `0x` followed by 7–9 hex digits → a placeholder.
    static func maskAddresses(_ s: String) -> String {
        s.replacingOccurrences(of: "0x[0-9a-fA-F]{7,9}", with: "<address>", options: .regularExpression)
    }

    static func stripANSI(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
    }

    /// Python's lenient `b64decode` then `b64encode`: normalises base64 line wrapping; any other text
    /// is left as it is (the same on both sides).
    static func base64RoundTrip(_ s: String) -> String {
        let compact = s.filter { !$0.isWhitespace }
        guard let d = Data(base64Encoded: compact) else { return s }
        return d.base64EncodedString()
    }

    /// The loose rule: ANSI removed, IPython's location header masked, and only the traceback's
    /// last line (the `Ename: evalue` line) compared — IPython 9 prints more context lines per frame
    /// than the IPython that wrote the stored files (`Skip Exceptions with Cell Tags.ipynb`).
    static func looseTraceback(_ tb: [String]) -> [String] {
        let lines = tb.flatMap { stripANSI($0).split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.allSatisfy { $0 == "-" } }
        guard let last = lines.last else { return [] }
        let masked = last.replacingOccurrences(of: "Cell In\\[\\d+\\], line \\d+", with: "<cell>", options: .regularExpression)
            .replacingOccurrences(of: "<ipython-input-[^>]*>", with: "<cell>", options: .regularExpression)
        return [masked]
    }
}

/// SVG parsed into a canonical string: element names, sorted attributes, trimmed text — so
/// attribute order and formatting do not matter (nbclient parses with `xmltodict`).
final class SVGTree: NSObject, XMLParserDelegate {
    private var out = ""
    private var text = ""

    static func canonical(_ svg: String) -> String {
        let tree = SVGTree()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = tree
        return parser.parse() ? tree.out : svg
    }

    private func flushText() {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { out += "text(\(t))" }
        text = ""
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        flushText()
        out += "<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">"
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        flushText()
        out += "</\(name)>"
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
