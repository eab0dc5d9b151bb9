/// A parameter declared in a notebook's `parameters` cell, as papermill's `inspect_notebook`
/// reports it, plus the type Quire infers from the default when there is no annotation.
public struct InferredParameter: Sendable, Equatable {
    public var name: String
    /// papermill's `inferred_type_name`: the annotation, else the `# type:` comment, else `"None"`
    /// (papermill's word for unknown).
    public var inferredTypeName: String
    /// The default's source text, not evaluated.
    public var defaultValue: String
    /// The comment after the definition, or "".
    public var help: String
    /// Quire's reading of the default literal when papermill has no type: `int`, `float`, `bool`,
    /// `str`, `NoneType`, `list`, `dict`, or nil when the default is not a plain literal.
    public var literalType: String?

    public init(name: String, inferredTypeName: String, defaultValue: String, help: String, literalType: String? = nil) {
        self.name = name
        self.inferredTypeName = inferredTypeName
        self.defaultValue = defaultValue
        self.help = help
        self.literalType = literalType
    }

    /// The best type known: the declared one, else the literal's, else nil.
    public var typeName: String? {
        inferredTypeName != "None" ? inferredTypeName : literalType
    }
}
