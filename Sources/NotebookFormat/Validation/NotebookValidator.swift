/// Checks a v4 document against nbformat's JSON schema for its minor version (4.0–4.5), reporting
/// every problem at once with its path, instead of jsonschema's first-failure `oneOf` summary.
/// A minor version newer than 4.5 is checked as nbformat checks it: extra members and unknown cell
/// and output types are allowed.
struct NotebookValidator {
    let minor: Int
    var issues: [ValidationIssue] = []

    var isFuture: Bool { minor > Notebook.currentMinor }

    init(minor: Int) { self.minor = minor }

    static func validate(_ doc: JSONValue) -> [ValidationIssue] {
        let minor = doc["nbformat_minor"]?.intValue ?? 0
        var v = NotebookValidator(minor: minor)
        v.validateTop(doc)
        return v.issues
    }

    mutating func fail(_ path: JSONPath, _ message: String) {
        issues.append(ValidationIssue(path: path.text, message: message))
    }

    mutating func warn(_ path: JSONPath, _ message: String) {
        issues.append(ValidationIssue(path: path.text, message: message, severity: .warning))
    }

    /// Reports a type mismatch; returns whether the value had the expected type.
    @discardableResult
    mutating func expect(_ v: JSONValue, _ type: String, at path: JSONPath) -> Bool {
        let ok: Bool
        switch type {
        case "object": ok = v.objectValue != nil
        case "array": ok = v.arrayValue != nil
        case "string": ok = v.stringValue != nil
        case "integer": ok = v.typeName == "integer"
        case "boolean": ok = v.boolValue != nil
        default: ok = false
        }
        if !ok { fail(path, "expected \(Self.article(type)) \(type), found \(v.shortDescription)") }
        return ok
    }

    static func article(_ type: String) -> String { "aeiou".contains(type.first!) ? "an" : "a" }

    mutating func required(_ keys: [String], in o: JSONObject, at path: JSONPath, what: String) {
        for k in keys where o[k] == nil {
            fail(path, "\(what) is missing the required member \"\(k)\"")
        }
    }

    mutating func noExtra(_ o: JSONObject, allowed: [String], at path: JSONPath, what: String) {
        guard !isFuture else { return }
        for k in o.keys where !allowed.contains(k) {
            fail(path.key(k), "unexpected member \"\(k)\" in \(what) (nbformat 4.\(minor) allows: \(allowed.joined(separator: ", ")))")
        }
    }

    mutating func multilineString(_ v: JSONValue, at path: JSONPath) {
        if case .array(let items) = v {
            for (i, item) in items.enumerated() where item.stringValue == nil {
                fail(path.index(i), "expected a string (one line of text), found \(item.shortDescription)")
            }
        } else if v.stringValue == nil {
            fail(path, "expected a string or an array of strings, found \(v.shortDescription)")
        }
    }

    mutating func executionCount(_ v: JSONValue, at path: JSONPath) {
        if v.isNull { return }
        guard v.typeName == "integer" else {
            fail(path, "expected an integer or null, found \(v.shortDescription)")
            return
        }
        if let i = v.intValue, i < 0 { fail(path, "expected an integer ≥ 0 or null, found \(i)") }
        if case .bigInt(let d) = v, d.hasPrefix("-") { fail(path, "expected an integer ≥ 0 or null, found \(d)") }
    }

    mutating func validateTop(_ doc: JSONValue) {
        let root = JSONPath.root
        guard let top = doc.objectValue else {
            fail(root, "expected a notebook object, found \(doc.shortDescription)")
            return
        }
        required(["metadata", "nbformat_minor", "nbformat", "cells"], in: top, at: root, what: "the notebook")
        noExtra(top, allowed: ["metadata", "nbformat_minor", "nbformat", "cells"], at: root, what: "the notebook")
        if let m = top["nbformat_minor"], expect(m, "integer", at: root.key("nbformat_minor")), let i = m.intValue, i < 0 {
            fail(root.key("nbformat_minor"), "expected an integer ≥ 0, found \(i)")
        }
        if let meta = top["metadata"] { validateNotebookMetadata(meta, at: root.key("metadata")) }
        guard let cells = top["cells"] else { return }
        guard expect(cells, "array", at: root.key("cells")), let list = cells.arrayValue else { return }
        var seen: [String: Int] = [:]
        for (i, cell) in list.enumerated() {
            let path = root.key("cells").index(i)
            validateCell(cell, at: path)
            guard minor >= 5, let id = cell["id"]?.stringValue else { continue }
            if let first = seen[id] {
                fail(path.key("id"), ValidationIssue.duplicateIDPrefix + "\"\(id)\" (already used by cells[\(first)]); cell ids must be unique")
            } else {
                seen[id] = i
            }
        }
    }

    mutating func validateNotebookMetadata(_ v: JSONValue, at path: JSONPath) {
        guard expect(v, "object", at: path), let meta = v.objectValue else { return }
        if let ks = meta["kernelspec"], expect(ks, "object", at: path.key("kernelspec")), let o = ks.objectValue {
            required(["name", "display_name"], in: o, at: path.key("kernelspec"), what: "kernelspec")
            for k in ["name", "display_name"] { if let x = o[k] { expect(x, "string", at: path.key("kernelspec").key(k)) } }
        }
        if let li = meta["language_info"], expect(li, "object", at: path.key("language_info")), let o = li.objectValue {
            let p = path.key("language_info")
            required(["name"], in: o, at: p, what: "language_info")
            for k in ["name", "file_extension", "mimetype", "pygments_lexer"] { if let x = o[k] { expect(x, "string", at: p.key(k)) } }
            if let cm = o["codemirror_mode"], cm.stringValue == nil, cm.objectValue == nil {
                fail(p.key("codemirror_mode"), "expected a string or an object, found \(cm.shortDescription)")
            }
        }
        if minor >= 2 {
            if let t = meta["title"] { expect(t, "string", at: path.key("title")) }
            if let a = meta["authors"] { expect(a, "array", at: path.key("authors")) }
        }
    }
}
