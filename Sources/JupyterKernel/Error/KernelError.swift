/// Every failure the `JupyterKernel` module reports. Cases carry what a user needs to act on it.
public enum KernelError: Error, Sendable, CustomStringConvertible {
    /// A ZeroMQ call failed (`operation` names the call, `errno` is libzmq's error number).
    case zmq(operation: String, errno: Int32, message: String)
    /// No kernelspec of that name in any searched directory.
    case noSuchKernel(name: String, searched: [String])
    /// A `kernel.json` could not be read or is missing required fields.
    case invalidKernelSpec(path: String, reason: String)
    /// The kernel process could not be started at all (exec failed, bad working directory, ...).
    case launchFailed(argv: [String], reason: String)
    /// The kernel did not answer `kernel_info` in time; `stderr` is what it printed meanwhile.
    case startupTimeout(seconds: Double, stderr: String)
    /// The kernel process ended; `status` says how, `stderr` holds the tail of its log.
    case kernelDied(status: KernelExitStatus, stderr: String)
    /// The heartbeat channel stopped echoing while the process still exists.
    case heartbeatLost(silentFor: Double)
    /// A reply did not come within the caller's deadline.
    case timeout(request: String, seconds: Double)
    /// The cell asked for input on stdin; batch runs cannot answer it.
    case inputNotSupported(prompt: String)
    /// The client was shut down (or is shutting down) while a request was pending.
    case clientClosed
    /// A received message could not be decoded (never produced for bad signatures: those are dropped).
    case malformedMessage(reason: String)
    /// A connection file or runtime directory could not be written.
    case io(path: String, errno: Int32)
    /// `KernelPool.take` after `shutdownAll()` (or while it runs): the pool hands out no more kernels.
    case poolShutDown

    public var description: String {
        switch self {
        case .zmq(let op, let e, let m): "ZeroMQ \(op) failed: \(m) (errno \(e))"
        case .noSuchKernel(let name, let dirs):
            "No kernel named '\(name)'. Searched: \(dirs.joined(separator: ", "))"
        case .invalidKernelSpec(let path, let reason): "Invalid kernelspec \(path): \(reason)"
        case .launchFailed(let argv, let reason):
            "Could not start kernel \(argv.joined(separator: " ")): \(reason)"
        case .startupTimeout(let s, let err):
            "Kernel did not answer kernel_info within \(s) s." + Self.stderrSuffix(err)
        case .kernelDied(let status, let err): "Kernel died (\(status))." + Self.stderrSuffix(err)
        case .heartbeatLost(let s): "Kernel heartbeat lost (no echo for \(s) s)."
        case .timeout(let request, let s): "No reply to \(request) within \(s) s."
        case .inputNotSupported(let prompt):
            "The cell asked for input (prompt: \(prompt.debugDescription)); "
                + "input is not supported in batch runs. Pass values as parameters instead."
        case .clientClosed: "The kernel client was shut down."
        case .malformedMessage(let reason): "Malformed kernel message: \(reason)"
        case .io(let path, let e): "I/O error on \(path): errno \(e)"
        case .poolShutDown: "The kernel pool was shut down; it hands out no more kernels."
        }
    }

    private static func stderrSuffix(_ s: String) -> String {
        s.isEmpty ? "" : "\nKernel stderr:\n" + s
    }
}

/// How a kernel process ended.
public enum KernelExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(code: Int32)
    case signaled(signal: Int32)

    public var description: String {
        switch self {
        case .exited(let c): "exit code \(c)"
        case .signaled(let s): "killed by signal \(s)"
        }
    }
}
