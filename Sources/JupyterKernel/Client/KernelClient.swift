import Glibc
import NotebookFormat

/// A running kernel and the client talking to it. Start with `KernelClient.start(_:options:)`;
/// always end with `shutdown()` (Quire's SIGINT/SIGTERM handler and ipykernel's parent watchdog
/// are only the safety nets).
public actor KernelClient {
    public let spec: KernelSpec
    public let options: LaunchOptions
    var kernel: LaunchedKernel
    var connection: KernelConnection
    /// The `kernel_info_reply` of the startup handshake (protocol version, `language_info`).
    public private(set) var info: JupyterMessage
    /// The one shutdown; concurrent or repeated `shutdown()` calls await the same one.
    private var shutdownTask: Task<Void, Never>?

    init(spec: KernelSpec, options: LaunchOptions, kernel: LaunchedKernel, connection: KernelConnection, info: JupyterMessage) {
        self.spec = spec
        self.options = options
        self.kernel = kernel
        self.connection = connection
        self.info = info
    }

    /// Launches the kernel and returns once it answered `kernel_info` and iopub is proven live, so
    /// no output of the first request can be lost.
    public static func start(_ spec: KernelSpec, options: LaunchOptions = LaunchOptions()) async throws -> KernelClient {
        let (kernel, connection, info) = try await Startup.run(spec, options: options)
        return KernelClient(spec: spec, options: options, kernel: kernel, connection: connection, info: info)
    }

    /// Process id of the kernel (also its process-group id).
    public var pid: Int32 { kernel.process.pid }
    /// The kernel's private directory (connection file, IPC sockets, its stdout/stderr log);
    /// removed by `shutdown()`.
    public var runtimeDirectory: String { kernel.runtimeDirectory }
    /// Comms the kernel opened so far (widget state), by comm id.
    public var comms: [String: CommRecord] { connection.comms }

    /// Sends `kernel_info_request` on shell and returns the reply.
    public func kernelInfo(timeout: Duration = .seconds(10)) async throws -> JupyterMessage {
        try await connection.reply(to: connection.makeMessage("kernel_info_request", content: [:]), on: .shell, timeout: timeout)
    }

    /// Runs `code`; the stream yields the request's iopub events and its reply in arrival order and
    /// finishes when both the reply and `status: idle` have arrived (or `idleGrace` after the reply).
    /// Output a kernel publishes after that (background threads) belongs to no request and is dropped.
    /// The stream throws `KernelError` if the kernel dies, its heartbeat stops, the timeout passes,
    /// or the cell asked for input (`inputNotSupported`, after the kernel's own error output).
    public func execute(_ code: String, options: ExecuteOptions = ExecuteOptions()) -> KernelEventStream {
        let expressions = JSONObject(options.userExpressions.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
        let message = connection.makeMessage("execute_request", content: .object(JSONObject([
            ("code", .string(code)), ("silent", .bool(options.silent)),
            ("store_history", .bool(options.storeHistory)), ("user_expressions", .object(expressions)),
            ("allow_stdin", false), ("stop_on_error", .bool(options.stopOnError)),
        ])))
        return connection.request(message, on: .shell, needsIdle: true, timeout: options.timeout)
    }

    /// Sends a front end's `comm_msg` on shell (no reply comes): what a widget's front-end model tells
    /// the kernel, e.g. the outputs an Output widget captured. `parent` is the header of the message
    /// that caused it.
    public func sendCommMessage(commID: String, data: JSONValue, parent: JSONValue) {
        var message = connection.makeMessage("comm_msg", content: .object(JSONObject([
            ("comm_id", .string(commID)), ("data", data),
        ])))
        message.parentHeader = parent
        connection.send(message, on: .shell)
    }

    /// `execute` collected into one value.
    public func run(_ code: String, options: ExecuteOptions = ExecuteOptions()) async throws -> ExecutionResult {
        var iopub: [JupyterMessage] = []
        var reply: JupyterMessage?
        for try await event in execute(code, options: options) {
            switch event {
            case .iopub(let m): iopub.append(m)
            case .reply(let m): reply = m
            }
        }
        guard let reply else { throw KernelError.malformedMessage(reason: "execute finished without a reply") }
        return ExecutionResult(iopub: iopub, reply: reply)
    }

    /// Interrupts the running cell: SIGINT to the kernel's process group, or `interrupt_request` on
    /// control when the spec's `interrupt_mode` is `message`.
    public func interrupt() async throws {
        switch spec.interruptMode {
        case .signal: kernel.process.signalGroup(SIGINT)
        case .message:
            _ = try await connection.reply(
                to: connection.makeMessage("interrupt_request", content: [:]), on: .control, timeout: .seconds(5))
        }
    }

    /// Stops the kernel (`shutdown_request` with `restart: true`) and starts a fresh process from the
    /// same spec and options, with a new connection file and key.
    public func restart() async throws {
        await stop(kernel, connection, restarting: true)
        let (k, c, i) = try await Startup.run(spec, options: options)
        kernel = k
        connection = c
        info = i
        shutdownTask = nil
    }

    /// Graceful `shutdown_request`, then SIGTERM, then SIGKILL to the process group; reaps the
    /// process and removes the connection file and sockets. Safe to call twice.
    public func shutdown() async {
        if shutdownTask == nil {
            let (kernel, connection) = (kernel, connection)
            shutdownTask = Task { await self.stop(kernel, connection) }
        }
        await shutdownTask?.value
    }

    /// A client dropped without `shutdown()` still takes its kernel down; the I/O thread reaps it
    /// within 50 ms and then ends.
    deinit {
        if shutdownTask == nil {
            kernel.process.signalGroup(SIGKILL)
            kernel.removeFiles()
        }
    }

    func stop(_ kernel: LaunchedKernel, _ connection: KernelConnection, restarting: Bool = false) async {
        let process = kernel.process
        let grace = options.shutdownGrace
        connection.expectExit()
        if !process.hasExited {
            let request = connection.makeMessage("shutdown_request", content: ["restart": .bool(restarting)])
            _ = try? await connection.reply(to: request, on: .control, timeout: grace)
            if !(await process.waitForExit(timeout: grace)) {
                process.signalGroup(SIGTERM)
                if !(await process.waitForExit(timeout: grace)) {
                    process.signalGroup(SIGKILL)
                    _ = await process.waitForExit(timeout: .seconds(10))
                }
            }
        }
        await connection.close()
        kernel.removeFiles()
    }
}
