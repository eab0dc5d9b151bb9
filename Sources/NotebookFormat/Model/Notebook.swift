/// An nbformat v4 notebook in memory: multiline text joined into single strings, metadata kept
/// as JSON so that nothing a tool stored there is lost.
public struct Notebook: Sendable, Equatable {
    /// The minor version this module writes for new and upgraded notebooks.
    public static let currentMinor = 5

    public var nbformat: Int
    public var nbformatMinor: Int
    public var metadata: JSONObject
    public var cells: [Cell]
    /// Top-level members of a notebook from a future minor version, kept as read.
    public var extra: JSONObject = JSONObject()

    public init(nbformatMinor: Int = Notebook.currentMinor, metadata: JSONObject = JSONObject(), cells: [Cell] = []) {
        self.nbformat = 4
        self.nbformatMinor = nbformatMinor
        self.metadata = metadata
        self.cells = cells
    }

    /// Cell ids are part of the format from 4.5 on.
    public var hasCellIDs: Bool { nbformat > 4 || (nbformat == 4 && nbformatMinor >= 5) }
}
