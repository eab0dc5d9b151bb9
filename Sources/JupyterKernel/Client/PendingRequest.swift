/// Bookkeeping for one request awaiting its reply (and, for executes, its idle status).
struct PendingRequest {
    let msgType: String
    let continuation: KernelEventStream.Continuation
    /// Execute-like requests finish only after reply AND idle: they travel on different sockets and
    /// either may arrive first (the reference's captured traces show both orders).
    let needsIdle: Bool
    let deadline: ContinuousClock.Instant?
    let timeout: Duration?
    /// After the reply, how long idle may still take before the request is completed anyway.
    var idleDeadline: ContinuousClock.Instant?
    var gotReply = false
    var gotIdle = false
    /// Set when the cell asked for input; the stream ends with this error once complete.
    var refusal: KernelError?

    var isComplete: Bool { gotReply && (gotIdle || !needsIdle) }

    func finish() {
        if let refusal { continuation.finish(throwing: refusal) } else { continuation.finish() }
    }
}
