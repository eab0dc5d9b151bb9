extension KernelClient {
    /// A local check, no round trip: the process still runs and the connection has not failed
    /// (heartbeat lost, socket error). Enough to skip a pooled kernel that died while idle.
    var isUsable: Bool {
        !kernel.process.hasExited && connection.state.withLock { $0.failure == nil }
    }
}
