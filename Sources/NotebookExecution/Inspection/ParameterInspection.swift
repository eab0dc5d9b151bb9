/// What inspecting a `parameters` cell found, with papermill's warnings (unparsable lines).
public struct ParameterInspection: Sendable, Equatable {
    public var parameters: [InferredParameter]
    public var warnings: [String]

    public init(parameters: [InferredParameter] = [], warnings: [String] = []) {
        self.parameters = parameters
        self.warnings = warnings
    }

    public var names: Set<String> { Set(parameters.map(\.name)) }
}
