import NotebookFormat

/// Translators by key, looked up by kernel name first and language second, exactly as papermill's
/// `PapermillTranslators.find_translator` (exact, case-sensitive keys).
public struct TranslatorRegistry: Sendable {
    private var translators: [String: any ParameterTranslator] = [:]

    public init() {}

    /// papermill's registrations: one per language plus the Spark kernel names.
    public static let standard: TranslatorRegistry = {
        var r = TranslatorRegistry()
        r.register("python", PythonTranslator())
        r.register("R", RTranslator())
        r.register("scala", ScalaTranslator())
        r.register("julia", JuliaTranslator())
        r.register("matlab", MatlabTranslator())
        r.register(".net-csharp", CSharpTranslator())
        r.register(".net-fsharp", FSharpTranslator())
        r.register(".net-powershell", PowerShellTranslator())
        r.register("pysparkkernel", PythonTranslator())
        r.register("sparkkernel", ScalaTranslator())
        r.register("sparkrkernel", RTranslator())
        r.register("bash", BashTranslator())
        return r
    }()

    /// Adds or replaces the translator for a kernel name or language.
    public mutating func register(_ key: String, _ translator: any ParameterTranslator) {
        translators[key] = translator
    }

    public var keys: [String] { translators.keys.sorted() }

    /// The translator for `kernelName`, else for `language`.
    public func translator(kernelName: String, language: String) throws(ParameterError) -> any ParameterTranslator {
        if let t = translators[kernelName] { return t }
        if let t = translators[language] { return t }
        throw .noTranslator(kernelName: kernelName, language: language)
    }

    /// The translator for a notebook, with papermill's kernel name and language resolution.
    public func translator(for notebook: Notebook, kernelName: String? = nil, language: String? = nil)
        throws(ParameterError) -> any ParameterTranslator
    {
        let kernel = try KernelIdentity.kernelName(of: notebook, override: kernelName)
        let lang = try KernelIdentity.language(of: notebook, override: language)
        return try translator(kernelName: kernel, language: lang)
    }
}
