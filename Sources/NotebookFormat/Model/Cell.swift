/// One notebook cell. `outputs` and `executionCount` are meaningful for code cells only.
public struct Cell: Sendable, Equatable {
    public var id: String?
    /// `code`, `markdown`, `raw`, or a type from a future minor version kept as is.
    public var cellType: String
    public var source: String
    public var metadata: JSONObject
    /// File name → mime bundle, for `attachment:` URLs in markdown and raw cells.
    public var attachments: JSONObject?
    public var outputs: [Output]
    public var executionCount: Int?
    /// Members this model does not know (only a notebook from a future minor version has them).
    public var extra: JSONObject

    public init(cellType: String, source: String = "", id: String? = nil, metadata: JSONObject = JSONObject(),
                attachments: JSONObject? = nil, outputs: [Output] = [], executionCount: Int? = nil,
                extra: JSONObject = JSONObject()) {
        self.id = id
        self.cellType = cellType
        self.source = source
        self.metadata = metadata
        self.attachments = attachments
        self.outputs = outputs
        self.executionCount = executionCount
        self.extra = extra
    }

    public var isCode: Bool { cellType == "code" }

    /// `metadata.tags`, the strings only.
    public var tags: [String] {
        metadata["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
