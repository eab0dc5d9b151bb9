import NotebookFormat

/// One Jupyter protocol message (spec v5.3+). JSON parts are kept as parsed values; received
/// messages were signature-checked on their raw bytes before they were parsed.
public struct JupyterMessage: Sendable {
    public var header: JSONValue
    public var parentHeader: JSONValue
    public var metadata: JSONValue
    public var content: JSONValue
    /// Raw binary frames after the four JSON frames (comms, widgets); never signed, kept as-is.
    public var buffers: [[UInt8]]

    public init(
        header: JSONValue, parentHeader: JSONValue = [:], metadata: JSONValue = [:],
        content: JSONValue = [:], buffers: [[UInt8]] = []
    ) {
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    public var msgType: String { header["msg_type"]?.stringValue ?? "" }
    public var msgID: String { header["msg_id"]?.stringValue ?? "" }
    /// The `msg_id` of the request this message answers or was caused by, if any.
    public var parentMsgID: String? { parentHeader["msg_id"]?.stringValue }

    /// Builds a request header: fresh `msg_id`, this client's session, a current UTC date.
    static func header(type: String, session: String, username: String, msgID: String) -> JSONValue {
        .object(JSONObject([
            ("msg_id", .string(msgID)),
            ("msg_type", .string(type)),
            ("username", .string(username)),
            ("session", .string(session)),
            ("date", .string(MessageDate.now())),
            ("version", "5.4"),
        ]))
    }
}
