import Foundation
import Logging

/// Already-started kernels per kernelspec, so a run does not wait for a kernel to boot.
///
/// A kernel leaves the pool through `take` and never comes back: the caller runs one notebook on
/// it and shuts it down, so no state leaks from one run into the next. Each `take` tops the spec
/// back up to `size` ready kernels in the background. Pooled kernels are started before any run's
/// working directory or environment is known; apply those per run (NotebookExecution's
/// `RunPrelude`) before any user code.
///
/// Why an actor with background tasks: `take`, `warm`, refills and the idle drain all change the
/// same ready lists, and the actor serialises those changes, so two concurrent `take`s can never
/// pop the same kernel. Starting a kernel takes seconds; it runs in a `Task` that suspends off the
/// actor, so a `take` never queues behind a refill, and a failing refill cannot block anyone.
public actor KernelPool {
    /// Ready kernels kept per kernelspec.
    public let size: Int
    /// A spec neither taken nor warmed for this long is drained: its idle kernels are shut down.
    public let idleTimeout: Duration
    private let baseLaunchOptions: @Sendable (KernelSpec) -> LaunchOptions
    /// The pool's fork servers (nil when created with `forkServer: false`), shut down with the pool.
    let forkServers: ForkServers?
    /// Wait before retrying a failed refill start; doubles per failure up to `maxBackoff`.
    let initialBackoff: Duration = .seconds(1)
    let maxBackoff: Duration = .seconds(60)
    let logger = Logger(label: "quire.kernel.pool")

    var entries: [PoolKey: PoolEntry] = [:]
    /// Background work that ends kernels (dead ones found by `take`, drained specs), awaited by
    /// `shutdownAll` so it returns only once every process is gone.
    var cleanups: [UUID: Task<Void, Never>] = [:]
    var janitor: Task<Void, Never>?
    var shutdownTask: Task<Void, Never>?
    var isShutDown: Bool { shutdownTask != nil }

    /// - Parameters:
    ///   - size: ready kernels to keep per kernelspec (0 keeps none: every `take` starts one).
    ///   - idleTimeout: how long a spec may go without `take` or `warm` before it is drained.
    ///   - launchOptions: how to start a kernel of a spec; pooled kernels get no run-specific
    ///     directory or environment.
    ///   - forkServer: fork standard ipykernel kernels from a pre-imported fork server
    ///     (`ForkServers`) instead of starting an interpreter per kernel, unless the options name
    ///     fork servers of their own. Every kernel is still a fresh process.
    public init(
        size: Int = 1, idleTimeout: Duration = .seconds(3600), forkServer: Bool = true,
        launchOptions: @escaping @Sendable (KernelSpec) -> LaunchOptions
    ) {
        precondition(size >= 0, "a pool size cannot be negative")
        self.size = size
        self.idleTimeout = idleTimeout
        self.baseLaunchOptions = launchOptions
        self.forkServers = forkServer ? ForkServers() : nil
    }

    func launchOptions(_ spec: KernelSpec) -> LaunchOptions {
        var options = baseLaunchOptions(spec)
        if options.forkServers == nil { options.forkServers = forkServers }
        return options
    }

    /// A started, live kernel of `spec` that nobody else has or will get. A ready pooled kernel if
    /// there is one (dead ones are discarded), else one started now; either way the spec is then
    /// topped up to `size` in the background. The caller owns the kernel and must shut it down.
    /// Throws `KernelError.poolShutDown` after `shutdownAll()`, or the start's own error.
    public func take(_ spec: KernelSpec) async throws -> KernelClient {
        guard !isShutDown else { throw KernelError.poolShutDown }
        let key = PoolKey(spec)
        touch(key, spec)
        while let client = entries[key]?.ready.first {
            // Popped before the await below: a concurrent `take` cannot see this kernel any more.
            entries[key]?.ready.removeFirst()
            if await client.isUsable {
                scheduleRefill(key)
                return client
            }
            logger.warning("discarding a dead pooled kernel", metadata: ["kernel": "\(spec.name)"])
            discard([client])
        }
        // Refill only after this cold start: on a small machine a second boot in parallel would
        // slow down the one a run is waiting for.
        defer { scheduleRefill(key) }
        let client = try await KernelClient.start(spec, options: launchOptions(spec))
        if isShutDown {
            await client.shutdown()
            throw KernelError.poolShutDown
        }
        return client
    }

    /// Starts kernels until `spec` has `size` ready ones, without taking any. Returns once the spec
    /// is full, or a start failed (logged; retries go on in the background), or the pool was shut
    /// down or drained the spec meanwhile. Does nothing after `shutdownAll()`.
    public func warm(_ spec: KernelSpec) async {
        guard !isShutDown else {
            logger.warning("warm after shutdownAll ignored", metadata: ["kernel": "\(spec.name)"])
            return
        }
        let key = PoolKey(spec)
        touch(key, spec)
        guard let entry = entries[key], entry.ready.count < size else { return }
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            entries[key]?.warmWaiters.append(waiter)
            scheduleRefill(key)
        }
    }

    /// Ready (started, not taken) kernels per kernelspec name; specs sharing a name are summed.
    public var readyCounts: [String: Int] {
        entries.values.reduce(into: [:]) { counts, entry in
            counts[entry.spec.name, default: 0] += entry.ready.count
        }
    }

    /// Stops refilling, shuts down every ready kernel and any kernel still starting, and returns
    /// once all their processes are gone, and with them any fork server no taken kernel still needs. Kernels already taken belong to their callers. Later
    /// `take`s throw `KernelError.poolShutDown`. Safe to call twice; every call waits.
    public func shutdownAll() async {
        if shutdownTask == nil {
            shutdownTask = Task { await self.stopEverything() }
        }
        await shutdownTask?.value
    }

    /// Creates the spec's entry if needed and restarts its idle clock.
    private func touch(_ key: PoolKey, _ spec: KernelSpec) {
        let now = ContinuousClock.now
        if entries[key] == nil {
            entries[key] = PoolEntry(spec: spec, now: now)
        } else {
            entries[key]?.lastUsed = now
        }
        startJanitorIfNeeded()
    }
}
