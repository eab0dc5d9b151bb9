/// A mime-type keyed bundle. Text values are single strings in memory; JSON mime types hold JSON.
public typealias MimeBundle = JSONObject

/// One output of a code cell.
public enum Output: Sendable, Equatable {
    case stream(name: String, text: String)
    case displayData(data: MimeBundle, metadata: JSONObject)
    case executeResult(executionCount: Int?, data: MimeBundle, metadata: JSONObject)
    case error(ename: String, evalue: String, traceback: [String])
    /// An output type or shape from a future minor version, kept as read (text rejoined).
    case unrecognized(JSONObject)

    public var outputType: String {
        switch self {
        case .stream: "stream"
        case .displayData: "display_data"
        case .executeResult: "execute_result"
        case .error: "error"
        case .unrecognized(let o): o["output_type"]?.stringValue ?? ""
        }
    }
}
