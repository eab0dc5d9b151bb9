import Foundation

extension KernelPool {
    /// Starts the spec's refill task unless one runs already or the spec is full.
    func scheduleRefill(_ key: PoolKey) {
        guard !isShutDown, let entry = entries[key] else { return }
        guard entry.ready.count < size else {
            entries[key]?.releaseWaiters()
            return
        }
        guard entry.refill == nil else { return }
        let generation = entry.generation
        entries[key]?.refill = Task { await self.refill(key, generation: generation) }
    }

    /// One kernel at a time until the spec is full. A failed start is logged and retried after a
    /// growing pause; `take` meanwhile falls back to starting its own kernel.
    private func refill(_ key: PoolKey, generation: UUID) async {
        var backoff = initialBackoff
        while !Task.isCancelled, !isShutDown, let entry = entries[key], entry.generation == generation,
            entry.ready.count < size
        {
            do {
                let client = try await KernelClient.start(entry.spec, options: launchOptions(entry.spec))
                guard adopt(client, key, generation) else {
                    await client.shutdown()
                    return
                }
                backoff = initialBackoff
            } catch {
                if Task.isCancelled { break }
                logger.error(
                    "pooled kernel failed to start; retrying",
                    metadata: [
                        "kernel": "\(entry.spec.name)", "retry_in": "\(backoff)", "error": "\(error)",
                    ])
                entries[key]?.releaseWaiters()
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, maxBackoff)
            }
        }
        // No suspension between the loop's last check and here, so no refill request is lost.
        if entries[key]?.generation == generation {
            entries[key]?.refill = nil
            entries[key]?.releaseWaiters()
        }
    }

    /// Adds a freshly started kernel to its spec's ready list; false when the spec was drained or
    /// the pool shut down while it started (the caller then shuts it down).
    private func adopt(_ client: KernelClient, _ key: PoolKey, _ generation: UUID) -> Bool {
        guard !isShutDown, entries[key]?.generation == generation else { return false }
        entries[key]?.ready.append(client)
        if let entry = entries[key], entry.ready.count >= size { entries[key]?.releaseWaiters() }
        return true
    }
}
