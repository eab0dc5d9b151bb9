import NotebookFormat

/// A notebook ready to execute (or to write, with `--prepare-only`), and what the user should be
/// told about it: the warnings papermill logs, in its order, for the CLI to print on stderr.
public struct ParameterizedNotebook: Sendable {
    public var notebook: Notebook
    public var warnings: [String]
    /// Where the injected cell ended up, or nil when there were no parameters.
    public var injectedCellIndex: Int?
}
