extension Notebook {
    /// The on-disk JSON form: text split into lines and transient keys dropped, as `nbformat.write` does.
    public var json: JSONValue {
        var meta = metadata
        for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] { meta.removeValue(forKey: key) }
        var top = extra
        top["cells"] = .array(cells.map(\.json))
        top["metadata"] = .object(meta)
        top["nbformat"] = .int(nbformat)
        top["nbformat_minor"] = .int(nbformatMinor)
        return .object(top)
    }
}

extension Cell {
    public var json: JSONValue {
        var o = extra
        var meta = metadata
        meta.removeValue(forKey: "trusted")
        o["cell_type"] = .string(cellType)
        if let id { o["id"] = .string(id) }
        o["metadata"] = .object(meta)
        if ["code", "markdown", "raw"].contains(cellType) { o["source"] = MultilineText.splitValue(source) }
        else if case .string(let s)? = o["source"] { o["source"] = MultilineText.splitValue(s) }
        if let attachments = attachmentsJSON { o["attachments"] = attachments }
        if isCode {
            o["outputs"] = .array(outputs.map(\.json))
            o["execution_count"] = executionCount.map { .int($0) } ?? .null
        }
        return .object(o)
    }
}

extension Cell {
    /// `attachments` as stored: each file's mime bundle with its text split into lines.
    var attachmentsJSON: JSONValue? {
        attachments.map { files in
            .object(JSONObject(files.map { ($0.key, $0.value.objectValue.map { .object(MimeBundleText.split($0)) } ?? $0.value) }))
        }
    }
}

extension Output {
    public var json: JSONValue {
        switch self {
        case .stream(let name, let text):
            return ["output_type": "stream", "name": .string(name), "text": MultilineText.splitValue(text)]
        case .displayData(let data, let metadata):
            return ["output_type": "display_data", "data": .object(MimeBundleText.split(data)), "metadata": .object(metadata)]
        case .executeResult(let count, let data, let metadata):
            return ["output_type": "execute_result", "execution_count": count.map { .int($0) } ?? .null,
                    "data": .object(MimeBundleText.split(data)), "metadata": .object(metadata)]
        case .error(let ename, let evalue, let traceback):
            return ["output_type": "error", "ename": .string(ename), "evalue": .string(evalue),
                    "traceback": .array(traceback.map { .string($0) })]
        case .unrecognized(var o):
            let type = o["output_type"]?.stringValue
            if type == "execute_result" || type == "display_data", let data = o["data"]?.objectValue {
                o["data"] = .object(MimeBundleText.split(data))
            } else if type == "stream", let text = o["text"]?.stringValue {
                o["text"] = MultilineText.splitValue(text)
            }
            return .object(o)
        }
    }
}
