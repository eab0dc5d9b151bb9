import NotebookFormat

/// One event of a request's stream, in arrival order.
public enum KernelEvent: Sendable {
    /// A side effect on iopub whose `parent_header.msg_id` is the request: status, execute_input,
    /// stream, display_data, update_display_data, execute_result, error, clear_output, comm_*.
    case iopub(JupyterMessage)
    /// The reply on shell or control (`execute_reply`, `kernel_info_reply`, ...).
    case reply(JupyterMessage)

    public var message: JupyterMessage {
        switch self {
        case .iopub(let m), .reply(let m): m
        }
    }
}

/// The events of one request; finishes once both the reply and `status: idle` arrived (or throws a
/// `KernelError`: the kernel died, the heartbeat stopped, the deadline passed, input was requested).
public typealias KernelEventStream = AsyncThrowingStream<KernelEvent, any Error>

/// Fields of an `execute_request` besides the code. Stdin is never offered: Quire runs notebooks
/// unattended, so `allow_stdin` is always false.
public struct ExecuteOptions: Sendable {
    public var silent = false
    public var storeHistory = true
    public var stopOnError = true
    public var userExpressions: [String: String] = [:]
    /// Give up waiting after this long (the kernel keeps running; interrupt it if needed).
    public var timeout: Duration?

    public init(
        silent: Bool = false, storeHistory: Bool = true, stopOnError: Bool = true,
        userExpressions: [String: String] = [:], timeout: Duration? = nil
    ) {
        self.silent = silent
        self.storeHistory = storeHistory
        self.stopOnError = stopOnError
        self.userExpressions = userExpressions
        self.timeout = timeout
    }
}

/// Everything one `execute_request` produced, collected.
public struct ExecutionResult: Sendable {
    /// The iopub messages of the request, in arrival order (including busy and idle status).
    public var iopub: [JupyterMessage]
    public var reply: JupyterMessage

    public init(iopub: [JupyterMessage], reply: JupyterMessage) {
        self.iopub = iopub
        self.reply = reply
    }

    /// `ok`, `error` or `aborted`, from the reply.
    public var status: String { reply.content["status"]?.stringValue ?? "" }
    /// Only output-producing messages (what becomes a notebook output), in order.
    public var outputs: [JupyterMessage] {
        iopub.filter { Self.outputTypes.contains($0.msgType) }
    }

    static let outputTypes: Set<String> = [
        "stream", "display_data", "update_display_data", "execute_result", "error", "clear_output",
    ]
}
