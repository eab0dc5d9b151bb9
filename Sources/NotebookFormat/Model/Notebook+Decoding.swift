extension Notebook {
    /// Builds the model from a v4 document that passed validation. Mirrors nbformat's read path:
    /// multiline text rejoined, transient keys (`orig_nbformat`, `signature`, cell `trusted`) dropped.
    init(validatedJSON top: JSONObject) {
        nbformat = top["nbformat"]?.intValue ?? 4
        nbformatMinor = top["nbformat_minor"]?.intValue ?? 0
        var meta = top["metadata"]?.objectValue ?? JSONObject()
        for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] { meta.removeValue(forKey: key) }
        metadata = meta
        cells = (top["cells"]?.arrayValue ?? []).map { Cell(validatedJSON: $0.objectValue ?? JSONObject()) }
        var rest = top
        for key in ["nbformat", "nbformat_minor", "metadata", "cells"] { rest.removeValue(forKey: key) }
        extra = rest
    }
}

extension Cell {
    init(validatedJSON raw: JSONObject) {
        var rest = raw
        cellType = rest.removeValue(forKey: "cell_type")?.stringValue ?? ""
        id = rest.removeValue(forKey: "id")?.stringValue
        // A cell type from a future minor version keeps its members, `source` included, exactly as read.
        let known = ["code", "markdown", "raw"].contains(cellType)
        source = known ? rest.removeValue(forKey: "source").flatMap(MultilineText.join) ?? "" : ""
        if !known, let s = rest["source"], let joined = MultilineText.join(s) { rest["source"] = .string(joined) }
        var meta = rest.removeValue(forKey: "metadata")?.objectValue ?? JSONObject()
        meta.removeValue(forKey: "trusted")
        metadata = meta
        attachments = rest.removeValue(forKey: "attachments")?.objectValue.map { files in
            JSONObject(files.map { ($0.key, $0.value.objectValue.map { .object(MimeBundleText.rejoin($0)) } ?? $0.value) })
        }
        outputs = []
        executionCount = nil
        if cellType == "code" {
            outputs = (rest.removeValue(forKey: "outputs")?.arrayValue ?? []).map {
                Output(validatedJSON: $0.objectValue ?? JSONObject())
            }
            executionCount = rest.removeValue(forKey: "execution_count")?.intValue
        }
        extra = rest
    }
}

extension Output {
    static let knownMembers: [String: Set<String>] = [
        "stream": ["output_type", "name", "text"],
        "display_data": ["output_type", "data", "metadata"],
        "execute_result": ["output_type", "data", "metadata", "execution_count"],
        "error": ["output_type", "ename", "evalue", "traceback"],
    ]

    init(validatedJSON raw: JSONObject) {
        var o = raw
        let type = o["output_type"]?.stringValue ?? ""
        if type == "execute_result" || type == "display_data", let data = o["data"]?.objectValue {
            o["data"] = .object(MimeBundleText.rejoin(data))
        } else if !type.isEmpty, let text = o["text"], case .array = text, let joined = MultilineText.join(text) {
            o["text"] = .string(joined)
        }
        guard let keys = Self.knownMembers[type], o.members.allSatisfy({ keys.contains($0.key) }) else {
            self = .unrecognized(o)
            return
        }
        let data = o["data"]?.objectValue ?? JSONObject()
        let metadata = o["metadata"]?.objectValue ?? JSONObject()
        switch type {
        case "stream":
            self = .stream(name: o["name"]?.stringValue ?? "", text: o["text"]?.stringValue ?? "")
        case "display_data":
            self = .displayData(data: data, metadata: metadata)
        case "execute_result":
            self = .executeResult(executionCount: o["execution_count"]?.intValue, data: data, metadata: metadata)
        default:
            self = .error(ename: o["ename"]?.stringValue ?? "", evalue: o["evalue"]?.stringValue ?? "",
                          traceback: o["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }
}
