import NotebookFormat

/// papermill's `nb_kernel_name` / `nb_language`: an override wins, then the notebook's metadata.
public enum KernelIdentity {
    /// `-k`, else `metadata.kernelspec.name`; an empty string counts as missing.
    public static func kernelName(of notebook: Notebook, override: String? = nil) throws(ParameterError) -> String {
        if let o = override, !o.isEmpty { return o }
        if let n = notebook.metadata["kernelspec"]?["name"]?.stringValue, !n.isEmpty { return n }
        throw .noKernelName
    }

    /// `-l`, else `metadata.language_info.name`, else `metadata.kernelspec.language`.
    public static func language(of notebook: Notebook, override: String? = nil) throws(ParameterError) -> String {
        if let o = override, !o.isEmpty { return o }
        if let n = notebook.metadata["language_info"]?["name"]?.stringValue, !n.isEmpty { return n }
        if let n = notebook.metadata["kernelspec"]?["language"]?.stringValue, !n.isEmpty { return n }
        throw .noLanguage
    }
}
