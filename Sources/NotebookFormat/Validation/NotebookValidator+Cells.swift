extension NotebookValidator {
    static let cellTypes = ["code", "markdown", "raw"]

    mutating func validateCell(_ v: JSONValue, at path: JSONPath) {
        guard let cell = v.objectValue else {
            fail(path, "expected a cell object, found \(v.shortDescription)")
            return
        }
        guard let typeValue = cell["cell_type"] else {
            fail(path, "cell is missing the required member \"cell_type\" (one of \"code\", \"markdown\", \"raw\")")
            return
        }
        guard let type = typeValue.stringValue, Self.cellTypes.contains(type) || isFuture else {
            fail(path.key("cell_type"), "expected one of \"code\", \"markdown\", \"raw\", found \(typeValue.shortDescription)")
            return
        }
        let what = "a \(type) cell"
        var requiredKeys = ["cell_type", "metadata", "source"]
        var allowed = ["cell_type", "metadata", "source"]
        if type == "code" {
            requiredKeys += ["outputs", "execution_count"]
            allowed += ["outputs", "execution_count"]
        } else {
            allowed.append("attachments")
        }
        if minor >= 5 { allowed.append("id") }
        guard Self.cellTypes.contains(type) else {
            if let m = cell["metadata"] { expect(m, "object", at: path.key("metadata")) }
            return
        }
        required(requiredKeys, in: cell, at: path, what: what)
        noExtra(cell, allowed: allowed, at: path, what: what)
        if minor >= 5 {
            if let id = cell["id"] { validateCellID(id, at: path.key("id")) }
            else { warn(path, "cell has no \"id\" (required from nbformat 4.5); a new id is generated on read, as nbformat does") }
        }
        if let s = cell["source"] { multilineString(s, at: path.key("source")) }
        if let m = cell["metadata"] { validateCellMetadata(m, type: type, at: path.key("metadata")) }
        if type != "code", let a = cell["attachments"] { validateAttachments(a, at: path.key("attachments")) }
        if type == "code" {
            if let c = cell["execution_count"] { executionCount(c, at: path.key("execution_count")) }
            if let outs = cell["outputs"], expect(outs, "array", at: path.key("outputs")), let list = outs.arrayValue {
                for (i, o) in list.enumerated() { validateOutput(o, at: path.key("outputs").index(i)) }
            }
        }
    }

    mutating func validateCellID(_ v: JSONValue, at path: JSONPath) {
        guard let id = v.stringValue else {
            fail(path, "expected a string cell id, found \(v.shortDescription)")
            return
        }
        let valid = id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
        if id.isEmpty || id.utf8.count > 64 || !valid {
            fail(path, "expected a cell id of 1 to 64 characters from a-z, A-Z, 0-9, '-', '_', found \(v.shortDescription)")
        }
    }

    mutating func validateCellMetadata(_ v: JSONValue, type: String, at path: JSONPath) {
        guard expect(v, "object", at: path), let meta = v.objectValue else { return }
        if let name = meta["name"], expect(name, "string", at: path.key("name")), let s = name.stringValue {
            let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
            if body.isEmpty || body.contains("\n") { fail(path.key("name"), "expected a non-empty single-line name, found \(name.shortDescription)") }
        }
        if let tags = meta["tags"] { validateTags(tags, at: path.key("tags")) }
        if minor >= 3, let j = meta["jupyter"] { expect(j, "object", at: path.key("jupyter")) }
        if type == "raw", let f = meta["format"] { expect(f, "string", at: path.key("format")) }
        guard type == "code" else { return }
        if let c = meta["collapsed"] { expect(c, "boolean", at: path.key("collapsed")) }
        if let s = meta["scrolled"], s.boolValue == nil, s.stringValue != "auto" {
            fail(path.key("scrolled"), "expected true, false or \"auto\", found \(s.shortDescription)")
        }
        if minor >= 4, let e = meta["execution"], expect(e, "object", at: path.key("execution")), let o = e.objectValue {
            for (k, x) in o { expect(x, "string", at: path.key("execution").key(k)) }
        }
    }

    mutating func validateTags(_ v: JSONValue, at path: JSONPath) {
        guard expect(v, "array", at: path), let tags = v.arrayValue else { return }
        var seen = Set<String>()
        for (i, t) in tags.enumerated() {
            guard let s = t.stringValue else {
                fail(path.index(i), "expected a string tag, found \(t.shortDescription)")
                continue
            }
            if s.isEmpty || s.contains(",") { fail(path.index(i), "expected a non-empty tag without commas, found \(t.shortDescription)") }
            if !seen.insert(s).inserted { fail(path.index(i), "duplicate tag \(t.shortDescription); tags must be unique") }
        }
    }

    mutating func validateAttachments(_ v: JSONValue, at path: JSONPath) {
        guard expect(v, "object", at: path), let files = v.objectValue else { return }
        for (name, bundle) in files { validateMimeBundle(bundle, at: path.key(name)) }
    }
}
