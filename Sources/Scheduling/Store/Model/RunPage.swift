/// One page of a newest-first listing.
public struct RunPage: Sendable {
    public var runs: [RunRecord]
    /// Pass to the next `listRuns` call for the following page; nil on the last page.
    public var nextCursor: String?

    public init(runs: [RunRecord], nextCursor: String?) {
        self.runs = runs
        self.nextCursor = nextCursor
    }
}
