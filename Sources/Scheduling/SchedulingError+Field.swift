extension SchedulingError {
    /// The JSON path of the field at fault (`retries.max_attempts`, `parameters.alpha`), for the
    /// API's 400 responses; nil for errors that are not about one field.
    public var fieldPath: String? {
        switch self {
        case .invalidValue(let path, _, _), .unknownTimeZone(let path, _, _), .environmentVariableNotSet(let path, _),
             .fieldRejected(let path, _):
            return path
        case .unknownKey(let path, let key, _), .missingKey(let path, let key):
            return path.isEmpty ? key : "\(path).\(key)"
        case .inField(let path, let inner):
            return inner.fieldPath.map { $0.isEmpty ? path : $0 } ?? path
        case .duplicateJobName(_, _, let second):
            return second
        case .invalidCron, .duplicateToken, .invalidYAML, .unreadableConfig, .inFile, .invalidEnvironment:
            return nil
        }
    }
}
