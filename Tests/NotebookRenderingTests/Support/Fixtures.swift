import Foundation
import NotebookFormat
import QuireTestSupport

/// Notebooks for the renderer tests: corpus files read leniently (the renderer must cope with
/// whatever a reader accepts) and small notebooks built in code.
enum Fixtures {
    static func corpus(_ relative: String) throws -> Notebook {
        try Notebook.read(contentsOf: TestPaths.corpus + "/" + relative, strict: false, repairCellIDs: true).notebook
    }

    static func reference(_ relative: String) throws -> Notebook {
        try Notebook.read(contentsOf: TestPaths.shared + "/reference/" + relative, strict: false, repairCellIDs: true).notebook
    }

    /// Every `.ipynb` under the corpus, relative paths, sorted.
    static func allCorpusNotebooks() -> [String] {
        let root = TestPaths.corpus
        let e = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            if p.hasSuffix(".ipynb") { out.append(p) }
        }
        return out.sorted()
    }

    static func notebook(_ cells: [Cell], metadata: JSONObject = JSONObject()) -> Notebook {
        Notebook(metadata: metadata, cells: cells)
    }

    static func markdown(_ source: String, tags: [String] = [], attachments: JSONObject? = nil) -> Cell {
        Cell(cellType: "markdown", source: source, metadata: meta(tags: tags), attachments: attachments)
    }

    static func code(_ source: String, outputs: [Output] = [], count: Int? = 1, tags: [String] = [],
                     metadata: JSONObject = JSONObject()) -> Cell {
        var m = metadata
        if !tags.isEmpty { m["tags"] = .array(tags.map { .string($0) }) }
        return Cell(cellType: "code", source: source, metadata: m, outputs: outputs, executionCount: count)
    }

    static func meta(tags: [String]) -> JSONObject {
        tags.isEmpty ? JSONObject() : JSONObject([("tags", .array(tags.map { .string($0) }))])
    }

    static func bundle(_ pairs: (String, JSONValue)...) -> MimeBundle { JSONObject(pairs) }

    /// Runs the venv's Python on a script and returns its standard output.
    static func python(_ script: String, input: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.python)
        p.arguments = ["-c", script]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let data = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// An independent check of sanitised HTML: every tag must be one a browser cannot execute.
/// Sanitiser output escapes `<` and `>` everywhere but in its own tags, so `<…>` delimits tags.
enum ExecutableScan {
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt",
        "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr", "section", "article", "aside",
        "header", "footer",
    ]

    /// Problems found, empty when the HTML is inert.
    static func problems(in html: String) -> [String] {
        var found: [String] = []
        let tagPattern = try! NSRegularExpression(pattern: "<(/?)([^\\s/>]+)([^>]*)>")
        let attrPattern = try! NSRegularExpression(pattern: "([^\\s=]+)=\"([^\"]*)\"")
        let ns = html as NSString
        for m in tagPattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 2)).lowercased()
            if !allowedTags.contains(name) { found.append("tag <\(name)>") }
            let attrs = ns.substring(with: m.range(at: 3))
            let a = attrs as NSString
            for am in attrPattern.matches(in: attrs, range: NSRange(location: 0, length: a.length)) {
                let attr = a.substring(with: am.range(at: 1)).lowercased()
                let value = decode(a.substring(with: am.range(at: 2)))
                if attr.hasPrefix("on") { found.append("event handler \(attr)") }
                if attr == "srcdoc" || attr == "formaction" || attr == "action" { found.append("attribute \(attr)") }
                let squashed = value.lowercased().unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined()
                for bad in ["javascript:", "vbscript:", "data:text", "data:application", "livescript:"] where squashed.hasPrefix(bad) {
                    found.append("\(attr)=\(value)")
                }
                if attr == "style", ["expression", "url(", "@import", "behavior", "binding"].contains(where: squashed.contains) {
                    found.append("style \(value)")
                }
            }
        }
        return found
    }

    static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The page with every `srcdoc="…"` attribute value removed: what runs in the page's own context.
    static func outsideFrames(_ html: String) -> String {
        html.replacingOccurrences(of: "srcdoc=\"[^\"]*\"", with: "srcdoc=\"\"", options: .regularExpression)
    }
}
