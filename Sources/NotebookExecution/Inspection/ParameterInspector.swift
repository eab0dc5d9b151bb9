import NotebookFormat

/// Finds the parameters a notebook declares, as papermill's `inspect_notebook` / `--help-notebook`.
public enum ParameterInspector {
    /// The parameters declared in the first cell tagged `parameters`, or nil when no cell has that
    /// tag. For languages without introspection (all but Python, as in papermill) the result is
    /// empty with the warning papermill logs.
    public static func inspect(_ notebook: Notebook, kernelName: String? = nil, language: String? = nil,
                               registry: TranslatorRegistry = .standard) throws(ParameterError) -> ParameterInspection?
    {
        guard let cell = notebook.cells.first(where: { $0.tags.contains("parameters") }) else { return nil }
        let lang = try KernelIdentity.language(of: notebook, override: language)
        let translator = try registry.translator(for: notebook, kernelName: kernelName, language: language)
        if let found = translator.inspect(parametersSource: cell.source) { return found }
        return ParameterInspection(warnings: ["Translator for '\(lang)' language does not support parameter introspection."])
    }
}
