/// Everything that can go wrong reading or writing a notebook, with the file it concerns.
public enum NotebookFormatError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The bytes are not a JSON document (or not UTF-8).
    case notJSON(file: String, JSONParseError)
    /// The document declares an nbformat this module cannot read.
    case unsupportedVersion(file: String, found: String)
    /// The document does not follow the nbformat schema; every problem found is listed.
    case invalid(file: String, issues: [ValidationIssue])
    /// The file could not be written; nothing at the destination was changed.
    case unwritable(file: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .notJSON(let file, let e): "\(file): not a notebook: invalid JSON: \(e)"
        case .unsupportedVersion(let file, let found):
            "\(file): unsupported notebook format \(found); Quire reads nbformat 4.0–4.5 and upgrades 2 and 3"
        case .invalid(let file, let issues): issues.map { "\(file): \($0)" }.joined(separator: "\n")
        case .unwritable(let file, let reason): "\(file): cannot write: \(reason)"
        }
    }
}
