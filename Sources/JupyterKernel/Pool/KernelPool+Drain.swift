import Foundation

extension KernelPool {
    /// One janitor task per pool, alive while some spec has an idle deadline to watch.
    func startJanitorIfNeeded() {
        guard janitor == nil, !isShutDown else { return }
        janitor = Task { await self.watchIdleSpecs() }
    }

    /// Sleeps until the earliest idle deadline, drains what expired, repeats; ends when no spec is
    /// left (the next `take`/`warm` starts it again). Every spec's deadline is `lastUsed +
    /// idleTimeout` with the same timeout, so a new or touched spec never expires sooner than the
    /// deadline being slept on.
    private func watchIdleSpecs() async {
        while !Task.isCancelled, !isShutDown {
            guard let next = entries.values.map({ $0.lastUsed + idleTimeout }).min() else { break }
            if next > .now {
                try? await Task.sleep(until: next, clock: .continuous)
                continue
            }
            let now = ContinuousClock.now
            for (key, entry) in entries where entry.lastUsed + idleTimeout <= now {
                logger.info("draining idle kernelspec", metadata: ["kernel": "\(entry.spec.name)"])
                drop(key)
            }
        }
        if !isShutDown { janitor = nil }
    }

    /// Forgets a spec: its refill is cancelled (a kernel it is starting gets shut down) and its
    /// ready kernels are shut down in the background.
    private func drop(_ key: PoolKey) {
        guard var entry = entries.removeValue(forKey: key) else { return }
        entry.releaseWaiters()
        entry.refill?.cancel()
        discard(entry.ready, after: entry.refill)
    }

    /// Shuts kernels down in the background, tracked so `shutdownAll` can wait for them.
    func discard(_ clients: [KernelClient], after refill: Task<Void, Never>? = nil) {
        guard !clients.isEmpty || refill != nil else { return }
        let id = UUID()
        cleanups[id] = Task {
            await refill?.value
            await withTaskGroup(of: Void.self) { group in
                for client in clients { group.addTask { await client.shutdown() } }
            }
            self.cleanupFinished(id)
        }
    }

    private func cleanupFinished(_ id: UUID) {
        cleanups[id] = nil
    }

    /// The body of `shutdownAll`: cancel, then wait for every start, shutdown and cleanup.
    func stopEverything() async {
        janitor?.cancel()
        let dropped = Array(entries.values)
        entries.removeAll()
        for var entry in dropped {
            entry.releaseWaiters()
            entry.refill?.cancel()
        }
        // A cancelled refill either aborts its start (the launcher kills the process) or finishes
        // it and, finding the pool shut down, shuts the kernel down itself.
        for entry in dropped { await entry.refill?.value }
        await withTaskGroup(of: Void.self) { group in
            for client in dropped.flatMap(\.ready) { group.addTask { await client.shutdown() } }
        }
        while let cleanup = cleanups.first {
            await cleanup.value.value
            cleanups[cleanup.key] = nil
        }
        await janitor?.value
        await forkServers?.shutdown()
        logger.info("kernel pool shut down")
    }
}
