import Foundation

/// How to start a kernel.
public struct LaunchOptions: Sendable {
    /// IPC (Unix sockets in a private directory) exposes no TCP port; TCP binds `127.0.0.1`.
    public var transport: ConnectionInfo.Transport = .ipc
    /// The kernel's working directory (default: Quire's).
    public var workingDirectory: String?
    /// Environment the kernel inherits before the spec's `env` is applied (default: Quire's).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Where the per-kernel runtime directory (connection file, sockets, log) is created.
    public var runtimeParent: String = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    /// Maximum time from launch to the first `kernel_info_reply` with a live iopub.
    public var startupTimeout: Duration = .seconds(60)
    /// Heartbeat silence after which pending requests fail with `heartbeatLost`.
    public var heartbeatTimeout: Duration = .seconds(2)
    /// How long after a request's reply its `status: idle` may lag before the request completes
    /// without it (nbclient's `iopub_timeout`).
    public var idleGrace: Duration = .seconds(4)
    /// How long `shutdown()` waits after `shutdown_request`, and again after SIGTERM.
    public var shutdownGrace: Duration = .seconds(2)

    /// Fork servers to fork the kernel from instead of starting a new interpreter (see
    /// `ForkServers`); nil launches every kernel as a process of its own. `KernelPool` sets its own.
    public var forkServers: ForkServers?

    public init() {}
}
