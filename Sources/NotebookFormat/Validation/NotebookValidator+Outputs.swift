extension NotebookValidator {
    static let outputFields: [String: (required: [String], allowed: [String])] = [
        "execute_result": (["output_type", "data", "metadata", "execution_count"], ["output_type", "data", "metadata", "execution_count"]),
        "display_data": (["output_type", "data", "metadata"], ["output_type", "data", "metadata"]),
        "stream": (["output_type", "name", "text"], ["output_type", "name", "text"]),
        "error": (["output_type", "ename", "evalue", "traceback"], ["output_type", "ename", "evalue", "traceback"]),
    ]
    static let outputTypeList = "\"execute_result\", \"display_data\", \"stream\", \"error\""

    mutating func validateOutput(_ v: JSONValue, at path: JSONPath) {
        guard let out = v.objectValue else {
            fail(path, "expected an output object, found \(v.shortDescription)")
            return
        }
        guard let typeValue = out["output_type"] else {
            fail(path, "output is missing the required member \"output_type\" (one of \(Self.outputTypeList))")
            return
        }
        guard let type = typeValue.stringValue, let fields = Self.outputFields[type] else {
            if !isFuture || typeValue.stringValue == nil {
                fail(path.key("output_type"), "expected one of \(Self.outputTypeList), found \(typeValue.shortDescription)")
            }
            return
        }
        let what = "a \(type) output"
        required(fields.required, in: out, at: path, what: what)
        noExtra(out, allowed: fields.allowed, at: path, what: what)
        if let d = out["data"] { validateMimeBundle(d, at: path.key("data")) }
        if let m = out["metadata"] { expect(m, "object", at: path.key("metadata")) }
        if let c = out["execution_count"] { executionCount(c, at: path.key("execution_count")) }
        for k in ["name", "ename", "evalue"] { if let s = out[k] { expect(s, "string", at: path.key(k)) } }
        if let t = out["text"] { multilineString(t, at: path.key("text")) }
        if let tb = out["traceback"], expect(tb, "array", at: path.key("traceback")), let lines = tb.arrayValue {
            for (i, line) in lines.enumerated() { expect(line, "string", at: path.key("traceback").index(i)) }
        }
    }

    /// Values of JSON mime types (`application/json`, `application/*+json`) may be any JSON;
    /// every other value is text: a string or a list of strings.
    mutating func validateMimeBundle(_ v: JSONValue, at path: JSONPath) {
        guard expect(v, "object", at: path), let bundle = v.objectValue else { return }
        for (mime, value) in bundle where !Self.isJSONMimePattern(mime) {
            multilineString(value, at: path.key(mime))
        }
    }

    /// The schema's `^application/(.*\+)?json$`, which is subtly wider than nbformat's writer rule.
    static func isJSONMimePattern(_ mime: String) -> Bool {
        var m = Substring(mime)
        if m.hasSuffix("\n") { m = m.dropLast() }
        guard m.hasPrefix("application/"), m.hasSuffix("json") else { return false }
        let middle = m.dropFirst("application/".count).dropLast(4)
        return middle.isEmpty || (middle.hasSuffix("+") && !middle.contains("\n"))
    }
}
