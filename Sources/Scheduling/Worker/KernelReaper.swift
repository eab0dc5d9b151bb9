import JupyterKernel

/// Shuts finished runs' kernels down in the background. A kernel takes 100-300 ms to exit after
/// its shutdown request; the run's record is complete before that, so neither the run's
/// "finished" nor the worker's next claim waits for it. The server drains the reaper on exit so
/// that no kernel outlives it.
public actor KernelReaper {
    private var pending: [Int: Task<Void, Never>] = [:]
    private var next = 0

    public init() {}

    public func shutDown(_ client: KernelClient) {
        let id = next
        next += 1
        pending[id] = Task {
            await client.shutdown()
            await self.done(id)
        }
    }

    private func done(_ id: Int) { pending[id] = nil }

    /// Waits for every kernel handed over so far to be gone.
    public func drain() async {
        // Each task removes itself before it completes, so this ends when all are gone.
        while !pending.isEmpty {
            for task in Array(pending.values) { await task.value }
        }
    }
}
