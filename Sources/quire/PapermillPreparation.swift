import NotebookFormat

/// The notebook-level bookkeeping papermill does before executing (reference §2, steps 1 and 7–9).
enum PapermillPreparation {
    static func prepare(_ nb: inout Notebook, input: String, output: String, reportMode: Bool) {
        var pm = nb.metadata["papermill"]?.objectValue ?? JSONObject([
            ("default_parameters", .object(JSONObject())), ("parameters", .object(JSONObject())),
            ("environment_variables", .object(JSONObject())), ("version", .string(QuireVersion.papermillCompatible)),
        ])
        if pm["parameters"] == nil { pm["parameters"] = .object(JSONObject()) }
        pm["input_path"] = .string(input)
        pm["output_path"] = .string(output)
        nb.metadata["papermill"] = .object(pm)
        nb.cells.removeAll { $0.tags.contains("papermill-error-cell-tag") }
        for i in nb.cells.indices {
            if nb.cells[i].metadata["tags"] == nil { nb.cells[i].metadata["tags"] = .array([]) }
            if nb.cells[i].metadata["papermill"] == nil { nb.cells[i].metadata["papermill"] = .object(JSONObject()) }
            if reportMode, nb.cells[i].isCode {
                nb.cells[i].metadata["jupyter"] = .object(JSONObject([("source_hidden", .bool(true))]))
            }
        }
    }
}
