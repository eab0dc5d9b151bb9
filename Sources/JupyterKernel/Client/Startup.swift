import Glibc
import NotebookFormat

/// Launch plus the readiness handshake of jupyter_client's `wait_for_ready`.
enum Startup {
    static func run(_ spec: KernelSpec, options: LaunchOptions) async throws -> (LaunchedKernel, KernelConnection, JupyterMessage) {
        let kernel = try await KernelLauncher.launch(spec, options: options)
        let connection: KernelConnection
        do {
            connection = try KernelConnection(
                info: kernel.connection, process: kernel.process, heartbeatTimeout: options.heartbeatTimeout,
                idleGrace: options.idleGrace)
        } catch {
            await abandon(kernel, nil)
            throw error
        }
        do {
            let info = try await handshake(connection, kernel: kernel, timeout: options.startupTimeout)
            connection.armHeartbeat()
            return (kernel, connection, info)
        } catch {
            await abandon(kernel, connection)
            throw error
        }
    }

    /// A SUB socket misses whatever is published before its subscription reaches the kernel, and
    /// `iopub_welcome` is not sent to every subscriber. So: send fresh `kernel_info_request`s until one
    /// is answered and some iopub message (its busy/idle) has arrived; then iopub is live.
    static func handshake(_ connection: KernelConnection, kernel: LaunchedKernel, timeout: Duration) async throws -> JupyterMessage {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let request = connection.makeMessage("kernel_info_request", content: [:])
            let reply: JupyterMessage
            do {
                let wait = min(.seconds(1), deadline - .now)
                reply = try await connection.reply(to: request, on: .shell, timeout: max(wait, .milliseconds(10)))
            } catch KernelError.timeout {
                continue
            }
            for _ in 0..<20 where !connection.iopubSeen { try await Task.sleep(for: .milliseconds(10)) }
            if connection.iopubSeen { return reply }
        }
        let seconds = Double(timeout.components.seconds)
        throw KernelError.startupTimeout(seconds: seconds, stderr: kernel.process.logTail())
    }

    static func abandon(_ kernel: LaunchedKernel, _ connection: KernelConnection?) async {
        kernel.process.signalGroup(SIGKILL)
        _ = await kernel.process.waitForExit(timeout: .seconds(10))
        await connection?.close()
        kernel.removeFiles()
    }
}
