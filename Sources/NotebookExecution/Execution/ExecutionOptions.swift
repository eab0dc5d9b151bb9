/// How the executor runs a notebook (papermill/nbclient options with Quire's defaults).
public struct ExecutionOptions: Sendable {
    /// Per-cell limit on waiting for the reply; nil means no limit (papermill's default).
    public var cellTimeout: Duration?
    /// Run every cell even after errors, recording each error (the run still fails at the end).
    public var allowErrors = false
    /// Cells with this tag are not sent to the kernel (nbclient's `skip_cells_with_tag`).
    public var skipTag = "skip-execution"
    /// How long an interrupted kernel gets to finish the cell before it is shut down.
    public var interruptGrace: Duration = .seconds(5)
    /// Record `metadata.execution` timing stamps on executed cells (nbclient's `record_timing`).
    public var recordTiming = true

    public init(cellTimeout: Duration? = nil, allowErrors: Bool = false) {
        self.cellTimeout = cellTimeout
        self.allowErrors = allowErrors
    }
}
