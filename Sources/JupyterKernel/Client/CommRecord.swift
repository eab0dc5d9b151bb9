import NotebookFormat

/// A comm (widget channel) the kernel opened, kept so widget state can be stored with a notebook.
public struct CommRecord: Sendable {
    public var commID: String
    public var targetName: String
    /// `data` of the `comm_open`, then of every `comm_msg`, in order.
    public var messages: [JSONValue]
    public var isOpen: Bool

    /// The latest widget state: `data.state` merged over all messages, later keys winning.
    public var state: JSONObject {
        var merged = JSONObject()
        for m in messages {
            guard let s = m["state"]?.objectValue else { continue }
            for (k, v) in s { merged[k] = v }
        }
        return merged
    }
}
