import Synchronization

/// Why a run stopped before its last cell, when something outside the notebook stopped it.
public enum StopRequest: Sendable, Equatable {
    /// Quire received this signal (SIGINT, SIGTERM).
    case signal(Int32)
    /// Someone cancelled the run (the API, the CLI client); `by` names who, when known.
    case cancelled(by: String?)
    /// The whole run exceeded its time limit (a job's `timeout`), as opposed to one cell's.
    case runTimeout(seconds: Double)
}

/// Lets the outside world (a signal handler, an API "cancel") stop a run cleanly: the running cell
/// is interrupted, the partial notebook is finished with a banner, and the kernel is shut down.
public final class RunControl: Sendable {
    private let state = Mutex<(stop: StopRequest?, waiters: [@Sendable (StopRequest) -> Void])>((nil, []))

    public init() {}

    public var stopRequest: StopRequest? { state.withLock { $0.stop } }

    /// Only the first request counts; later ones (a second Ctrl-C) are left to the caller.
    public func requestStop(_ reason: StopRequest) {
        let waiters: [@Sendable (StopRequest) -> Void] = state.withLock { s in
            guard s.stop == nil else { return [] }
            s.stop = reason
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters { w(reason) }
    }

    /// Calls `action` once a stop is requested (at once if it already was).
    func onStop(_ action: @escaping @Sendable (StopRequest) -> Void) {
        let already: StopRequest? = state.withLock { s in
            if let stop = s.stop { return stop }
            s.waiters.append(action)
            return nil
        }
        if let already { action(already) }
    }
}
