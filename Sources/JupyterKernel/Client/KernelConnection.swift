import Foundation
import Logging
import NotebookFormat
import Synchronization

/// The five ZeroMQ channels to one kernel, served by a dedicated I/O thread.
///
/// Why a thread: libzmq calls block (`zmq_poll`), and blocking a task would stall Swift's small
/// cooperative pool (2 threads on a 2-core machine). The thread owns every socket; other threads
/// talk to it through `state` (a mutex) plus a pipe that wakes its `zmq_poll`. Events reach
/// awaiting tasks through `AsyncThrowingStream` continuations, which may be resumed from any thread.
final class KernelConnection: Sendable {
    enum Channel: Sendable { case shell, control, stdin }

    struct State {
        var outbox: [(Channel, [[UInt8]])] = []
        var pending: [String: PendingRequest] = [:]
        /// Once set, every pending and future request fails with it.
        var failure: KernelError?
        var stopRequested = false
        var stopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        /// Any iopub message seen proves our subscription is live (startup handshake).
        var iopubSeen = false
        var heartbeatArmed = false
        /// Set by shutdown: the kernel exiting is then the expected outcome, not news to log.
        var expectingExit = false
        var comms: [String: CommRecord] = [:]
        var counter = 0
    }

    let info: ConnectionInfo
    let session: String
    let username: String
    let codec: WireCodec
    let process: KernelProcess?
    let heartbeatTimeout: Duration
    /// A kernel may publish idle late or (when its PUB queue overflowed) never: like nbclient's
    /// `iopub_timeout`, a request whose reply arrived completes after this grace without idle.
    let idleGrace: Duration
    let state = Mutex(State())
    /// Read and write ends of the wake-up pipe (polled by the I/O thread next to the sockets).
    let wakeFD: Int32
    let wakeWriteFD: Int32
    let logger = Logger(label: "quire.kernel")

    init(info: ConnectionInfo, process: KernelProcess?, heartbeatTimeout: Duration, idleGrace: Duration) throws(KernelError) {
        self.idleGrace = idleGrace
        self.info = info
        self.process = process
        self.heartbeatTimeout = heartbeatTimeout
        session = UUID().uuidString.lowercased()
        username = ProcessInfo.processInfo.environment["USER"] ?? "quire"
        codec = WireCodec(signer: MessageSigner(key: info.key))
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .io(path: "pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        wakeWriteFD = fds[1]
        let thread = Thread { [self] in runIOLoop() }
        thread.name = "quire-kernel-io"
        thread.start()
    }

    /// The eventfd outlives the thread so a late `wake()` never writes to a recycled descriptor.
    deinit {
        Glibc.close(wakeFD)
        Glibc.close(wakeWriteFD)
    }

    /// Builds a new message (fresh id and date, so never a replayed signature).
    func makeMessage(_ type: String, content: JSONValue) -> JupyterMessage {
        let n = state.withLock { s in
            s.counter += 1
            return s.counter
        }
        let header = JupyterMessage.header(
            type: type, session: session, username: username, msgID: "\(session)_\(getpid())_\(n)")
        return JupyterMessage(header: header, content: content)
    }

    /// Sends `message` and returns the stream of its events. The request is registered before it
    /// is sent, so no reply can arrive unclaimed.
    func request(
        _ message: JupyterMessage, on channel: Channel, needsIdle: Bool, timeout: Duration? = nil
    ) -> KernelEventStream {
        let (stream, continuation) = KernelEventStream.makeStream()
        let frames = codec.encode(message)
        let failure: KernelError? = state.withLock { s in
            if let f = s.failure { return f }
            s.pending[message.msgID] = PendingRequest(
                msgType: message.msgType, continuation: continuation, needsIdle: needsIdle,
                deadline: timeout.map { ContinuousClock.now + $0 }, timeout: timeout)
            s.outbox.append((channel, frames))
            return nil
        }
        if let failure { continuation.finish(throwing: failure) } else { wake() }
        return stream
    }

    /// Fire-and-forget message (input_reply, comm_close).
    func send(_ message: JupyterMessage, on channel: Channel) {
        let frames = codec.encode(message)
        state.withLock { $0.outbox.append((channel, frames)) }
        wake()
    }

    /// Sends a request and waits for its reply only.
    func reply(to message: JupyterMessage, on channel: Channel, timeout: Duration) async throws -> JupyterMessage {
        for try await event in request(message, on: channel, needsIdle: false, timeout: timeout) {
            if case .reply(let m) = event { return m }
        }
        throw KernelError.malformedMessage(reason: "\(message.msgType) finished without a reply")
    }

    var iopubSeen: Bool { state.withLock { $0.iopubSeen } }
    var comms: [String: CommRecord] { state.withLock { $0.comms } }

    /// Starts watching the heartbeat; before the kernel answered once, silence is normal.
    func armHeartbeat() { state.withLock { $0.heartbeatArmed = true } }

    /// The kernel is being asked to exit: stop treating silence or exit as failures worth logging.
    func expectExit() {
        state.withLock { s in
            s.heartbeatArmed = false
            s.expectingExit = true
        }
    }

    /// Stops the I/O thread, failing pending requests with `clientClosed`; returns once every socket
    /// and the libzmq context are closed.
    func close() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s in
                if s.stopped { return true }
                s.stopRequested = true
                s.stopWaiters.append(c)
                return false
            }
            if done { c.resume() } else { wake() }
        }
    }

    func wake() {
        // A full pipe already guarantees a wake-up, so a failed write is fine.
        var one: UInt8 = 1
        _ = Glibc.write(wakeWriteFD, &one, 1)
    }
}
