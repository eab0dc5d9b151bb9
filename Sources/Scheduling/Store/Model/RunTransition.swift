import Foundation

/// One status change of a run, in the order they happened.
public struct RunTransition: Sendable, Equatable {
    public var run: RunID
    /// The attempt the change belongs to (0 before the first claim).
    public var attempt: Int
    public var status: RunStatus
    public var at: Date
    public var worker: String?
    /// Why, when it is not obvious from the status: "retry", "cancel requested", "lease expired"...
    public var note: String?

    public init(run: RunID, attempt: Int, status: RunStatus, at: Date, worker: String? = nil, note: String? = nil) {
        self.run = run
        self.attempt = attempt
        self.status = status
        self.at = at
        self.worker = worker
        self.note = note
    }
}
