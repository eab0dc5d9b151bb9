import NotebookFormat

/// Prepares a notebook for a run exactly as papermill does between loading and executing it:
/// papermill metadata, the injected parameters cell, report mode, paths, old error banners removed.
public enum ParameterInjector {
    /// The tag papermill's error banners carry; such cells are removed before a new run.
    public static let errorCellTag = "papermill-error-cell-tag"

    /// papermill's `load_notebook_node` metadata, `parameterize_notebook`, `prepare_notebook_metadata`
    /// and `remove_error_markers`, in that order. With no parameters nothing is injected.
    public static func parameterize(_ input: Notebook, with parameters: ParameterSet,
                                    options: InjectionOptions) throws(ParameterError) -> ParameterizedNotebook
    {
        var nb = input
        var warnings: [String] = []
        addPapermillMetadata(&nb, version: options.version)

        var injectedIndex: Int?
        if !parameters.isEmpty {
            warnings += try unknownParameterWarnings(nb, parameters, options)
            let translator = try options.registry.translator(for: nb, kernelName: options.kernelName, language: options.language)
            let source = try translator.codify(parameters, comment: options.comment)
            let cell = injectedCell(source: source, into: nb, reportMode: options.reportMode)
            if let i = nb.cells.firstIndex(where: { $0.tags.contains("injected-parameters") }) {
                nb.cells[i] = cell
                injectedIndex = i
            } else if let i = nb.cells.firstIndex(where: { $0.tags.contains("parameters") }) {
                nb.cells.insert(cell, at: i + 1)
                injectedIndex = i + 1
            } else {
                warnings.append("Input notebook does not contain a cell with tag 'parameters'")
                nb.cells.insert(cell, at: 0)
                injectedIndex = 0
            }
            setPapermill(&nb, "parameters", .object(parameters.metadataValue))
        }

        if options.reportMode {
            // papermill replaces any existing `metadata.jupyter` (so `outputs_hidden` is lost).
            for i in nb.cells.indices where nb.cells[i].isCode {
                nb.cells[i].metadata["jupyter"] = ["source_hidden": true]
            }
        }
        setPapermill(&nb, "input_path", .string(options.inputPath))
        setPapermill(&nb, "output_path", .string(options.outputPath))
        // Banners before the injected cell shift it up.
        if let i = injectedIndex {
            injectedIndex = i - nb.cells[..<i].filter { $0.tags.contains(errorCellTag) }.count
        }
        nb.cells.removeAll { $0.tags.contains(errorCellTag) }
        return ParameterizedNotebook(notebook: nb, warnings: warnings, injectedCellIndex: injectedIndex)
    }

    /// `metadata.papermill` is created when absent (an existing one is kept, stale version and all);
    /// every cell gets `tags: []` and `papermill: {}` when missing.
    static func addPapermillMetadata(_ nb: inout Notebook, version: String) {
        if nb.metadata["papermill"]?.objectValue == nil {
            nb.metadata["papermill"] = .object(JSONObject([
                ("default_parameters", .object(JSONObject())),
                ("parameters", .object(JSONObject())),
                ("environment_variables", .object(JSONObject())),
                ("version", .string(version)),
            ]))
        }
        for i in nb.cells.indices {
            if nb.cells[i].metadata["tags"] == nil { nb.cells[i].metadata["tags"] = .array([]) }
            if nb.cells[i].metadata["papermill"] == nil { nb.cells[i].metadata["papermill"] = .object(JSONObject()) }
        }
    }

    /// `Passed unknown parameter: X` for every parameter the parameters cell does not declare. Only
    /// Python can be inspected, so for other languages every parameter is unknown (as in papermill).
    static func unknownParameterWarnings(_ nb: Notebook, _ parameters: ParameterSet,
                                         _ options: InjectionOptions) throws(ParameterError) -> [String] {
        var warnings: [String] = []
        var declared = Set<String>()
        if let inspection = try ParameterInspector.inspect(nb, kernelName: options.kernelName,
                                                           language: options.language, registry: options.registry) {
            warnings += inspection.warnings
            declared = inspection.names
        }
        for name in parameters.names where !declared.contains(name) {
            warnings.append("Passed unknown parameter: \(name)")
        }
        return warnings
    }

    /// A fresh code cell as `nbformat.v4.new_code_cell` makes it, tagged `injected-parameters`.
    static func injectedCell(source: String, into nb: Notebook, reportMode: Bool) -> Cell {
        var metadata = JSONObject()
        metadata["tags"] = ["injected-parameters"]
        if reportMode { metadata["jupyter"] = ["source_hidden": true] }
        var id: String?
        if nb.hasCellIDs {
            let replaced = nb.cells.firstIndex { $0.tags.contains("injected-parameters") }
            let kept = nb.cells.indices.filter { $0 != replaced }.compactMap { nb.cells[$0].id }
            id = InjectedCellID.make(existing: nb.cells.map(\.id), avoiding: Set(kept))
        }
        return Cell(cellType: "code", source: source, id: id, metadata: metadata)
    }

    private static func setPapermill(_ nb: inout Notebook, _ key: String, _ value: JSONValue) {
        var block = nb.metadata["papermill"]?.objectValue ?? JSONObject()
        block[key] = value
        nb.metadata["papermill"] = .object(block)
    }
}
