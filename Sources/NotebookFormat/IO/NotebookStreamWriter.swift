/// Writes a notebook in nbformat's layout straight from the model, cell by cell, instead of first
/// building the whole on-disk JSON tree (`Notebook.json`): text is split into lines one field at a
/// time, so a save of a notebook with large outputs holds one field's lines at once, not all of them.
/// The bytes are the same as `notebook.json.serialized(.notebook)`, keys in the same sorted order.
extension JSONWriter {
    /// One object member: its key and how to write its value at a given level.
    typealias Member = (key: String, value: (inout JSONWriter, Int) -> Void)

    mutating func writeNotebook(_ nb: Notebook) {
        // Members from a future minor version would have to be merged into the sorted order.
        guard nb.extra.isEmpty else { return write(nb.json, level: 0) }
        var meta = nb.metadata
        for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] { meta.removeValue(forKey: key) }
        object(level: 0, [
            ("cells", { w, l in w.array(level: l, nb.cells) { w, cell, l in w.writeCell(cell, level: l) } }),
            ("metadata", { [meta] w, l in w.write(.object(meta), level: l) }),
            ("nbformat", { w, _ in w.append(String(nb.nbformat)) }),
            ("nbformat_minor", { w, _ in w.append(String(nb.nbformatMinor)) }),
        ])
    }

    mutating func writeCell(_ cell: Cell, level: Int) {
        guard cell.extra.isEmpty, ["code", "markdown", "raw"].contains(cell.cellType) else {
            return write(cell.json, level: level)
        }
        var members: [Member] = []
        if let attachments = cell.attachmentsJSON { members.append(("attachments", { w, l in w.write(attachments, level: l) })) }
        members.append(("cell_type", { w, _ in w.writeString(cell.cellType) }))
        if cell.isCode {
            members.append(("execution_count", { w, _ in w.append(cell.executionCount.map(String.init) ?? "null") }))
        }
        if let id = cell.id { members.append(("id", { w, _ in w.writeString(id) })) }
        var meta = cell.metadata
        meta.removeValue(forKey: "trusted")
        members.append(("metadata", { [meta] w, l in w.write(.object(meta), level: l) }))
        if cell.isCode {
            members.append(("outputs", { w, l in w.array(level: l, cell.outputs) { w, o, l in w.writeOutput(o, level: l) } }))
        }
        members.append(("source", { w, l in w.lines(cell.source, level: l) }))
        object(level: level, members)
    }

    mutating func writeOutput(_ output: Output, level: Int) {
        switch output {
        case .stream(let name, let text):
            object(level: level, [
                ("name", { w, _ in w.writeString(name) }),
                ("output_type", { w, _ in w.writeString("stream") }),
                ("text", { w, l in w.lines(text, level: l) }),
            ])
        case .displayData(let data, let metadata):
            object(level: level, [
                ("data", { w, l in w.mimeBundle(data, level: l) }),
                ("metadata", { w, l in w.write(.object(metadata), level: l) }),
                ("output_type", { w, _ in w.writeString("display_data") }),
            ])
        case .executeResult(let count, let data, let metadata):
            object(level: level, [
                ("data", { w, l in w.mimeBundle(data, level: l) }),
                ("execution_count", { w, _ in w.append(count.map(String.init) ?? "null") }),
                ("metadata", { w, l in w.write(.object(metadata), level: l) }),
                ("output_type", { w, _ in w.writeString("execute_result") }),
            ])
        case .error, .unrecognized:
            write(output.json, level: level)
        }
    }

    /// A mime bundle with text split into lines as `MimeBundleText.split` does, keys sorted.
    mutating func mimeBundle(_ bundle: MimeBundle, level: Int) {
        object(level: level, bundle.sortedMembers.map { member in
            (member.key, { w, l in
                if case .string(let s) = member.value, MimeBundleText.splits(member.key) {
                    w.lines(s, level: l)
                } else {
                    w.write(member.value, level: l)
                }
            })
        })
    }

    /// A text field as nbformat stores it: the list of its lines, each keeping its line end.
    mutating func lines(_ text: String, level: Int) {
        array(level: level, MultilineText.splitLines(text)) { w, line, _ in w.writeString(line) }
    }

    /// `{ … }` with the members in the order given (callers give them sorted), or `{}` when empty.
    mutating func object(level: Int, _ members: [Member]) {
        guard !members.isEmpty else { return append("{}") }
        out.append(UInt8(ascii: "{"))
        for (n, m) in members.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            newline(level + 1)
            writeString(m.key)
            append(": ")
            m.value(&self, level + 1)
        }
        newline(level)
        out.append(UInt8(ascii: "}"))
    }

    /// `[ … ]` or `[]` when empty.
    mutating func array<T>(level: Int, _ items: [T], _ item: (inout JSONWriter, T, Int) -> Void) {
        guard !items.isEmpty else { return append("[]") }
        out.append(UInt8(ascii: "["))
        for (n, x) in items.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            newline(level + 1)
            if let sink, out.count >= Self.flushThreshold { sink(&out) }
            item(&self, x, level + 1)
        }
        newline(level)
        out.append(UInt8(ascii: "]"))
    }
}
