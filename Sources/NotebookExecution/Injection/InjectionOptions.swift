/// How `ParameterInjector` prepares a notebook: the run's paths, kernel overrides and report mode.
public struct InjectionOptions: Sendable {
    /// Recorded as `metadata.papermill.input_path` (the templated path, `-` for stdin).
    public var inputPath: String
    /// Recorded as `metadata.papermill.output_path`.
    public var outputPath: String
    /// Written as `metadata.papermill.version` when the notebook has no `papermill` block yet.
    public var version: String
    /// `-k`: first key for the translator, before `kernelspec.name`.
    public var kernelName: String?
    /// `-l`: second key for the translator, before `language_info.name` / `kernelspec.language`.
    public var language: String?
    /// `--report-mode`: hide the source of every code cell.
    public var reportMode: Bool
    /// The text of the injected cell's first (comment) line.
    public var comment: String
    public var registry: TranslatorRegistry

    public init(inputPath: String, outputPath: String, version: String, kernelName: String? = nil,
                language: String? = nil, reportMode: Bool = false, comment: String = "Parameters",
                registry: TranslatorRegistry = .standard) {
        self.inputPath = inputPath
        self.outputPath = outputPath
        self.version = version
        self.kernelName = kernelName
        self.language = language
        self.reportMode = reportMode
        self.comment = comment
        self.registry = registry
    }
}
