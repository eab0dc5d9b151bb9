/// Why a run did not succeed, as the run list shows it: the exception name and value, and the
/// index of the cell that raised (nil when no cell did, e.g. a lost worker or a kernel that did
/// not start).
public struct RunErrorSummary: Sendable, Equatable, Codable {
    public var ename: String
    public var evalue: String
    public var cell: Int?

    public init(ename: String, evalue: String, cell: Int? = nil) {
        self.ename = ename
        self.evalue = evalue
        self.cell = cell
    }
}
