/// Where a run is in its life: `queued` → `running` → one of the final states (or back to
/// `queued` for a retry).
public enum RunStatus: String, Sendable, CaseIterable, Codable {
    case queued, running, succeeded, failed, timed_out, cancelled

    /// True once the run can no longer change.
    public var isFinal: Bool {
        switch self {
        case .queued, .running: false
        case .succeeded, .failed, .timed_out, .cancelled: true
        }
    }
}
