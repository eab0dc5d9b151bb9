import Foundation

/// The pool's state for one kernelspec.
struct PoolEntry {
    let spec: KernelSpec
    /// Identifies this incarnation of the entry: a refill that finishes after its spec was drained
    /// (and maybe re-added) sees a different generation and shuts its kernel down instead.
    let generation = UUID()
    /// Started, never handed out; oldest first.
    var ready: [KernelClient] = []
    /// The one background task filling `ready` up to the pool size, while it runs.
    var refill: Task<Void, Never>?
    /// Last `take` or `warm`; the idle drain counts from here.
    var lastUsed: ContinuousClock.Instant
    /// `warm` callers waiting for the spec to be full (or for a failed start).
    var warmWaiters: [CheckedContinuation<Void, Never>] = []

    init(spec: KernelSpec, now: ContinuousClock.Instant) {
        self.spec = spec
        lastUsed = now
    }

    /// Resumes every `warm` caller; called when the spec is full, a start failed, or it was dropped.
    mutating func releaseWaiters() {
        for waiter in warmWaiters { waiter.resume() }
        warmWaiters.removeAll()
    }
}
