/// Wakes idle workers when a run is queued in this process, so a submission starts at once instead
/// of at the next poll; `StoreWakeups` signals it too for runs queued by other processes (with
/// PostgreSQL). Workers still poll: retries whose backoff ends are found that way.
public actor WorkerWakeup {
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var next = 0
    private var pending = false

    public init() {}

    public func signal() {
        if waiters.isEmpty { pending = true }
        for (_, c) in waiters { c.resume() }
        waiters = [:]
    }

    /// Returns on `signal()` or after `timeout`, whichever comes first.
    public func wait(timeout: Duration) async {
        if pending { pending = false; return }
        let id = next
        next += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        await withCheckedContinuation { c in waiters[id] = c }
        timer.cancel()
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
