/// How a worker ended an attempt.
public enum FinishOutcome: Sendable, Equatable {
    case succeeded
    case failed(RunErrorSummary)
    case timedOut(RunErrorSummary?)
    case cancelled(RunErrorSummary?)

    var status: RunStatus {
        switch self {
        case .succeeded: .succeeded
        case .failed: .failed
        case .timedOut: .timed_out
        case .cancelled: .cancelled
        }
    }

    var error: RunErrorSummary? {
        switch self {
        case .succeeded: nil
        case .failed(let e): e
        case .timedOut(let e), .cancelled(let e): e
        }
    }

    /// Only failures and timeouts are worth another attempt; a cancellation is the user's choice.
    var isRetryable: Bool {
        switch self {
        case .failed, .timedOut: true
        case .succeeded, .cancelled: false
        }
    }
}
