import CZMQ
import Glibc

/// Owns one libzmq context. Each `KernelClient` gets its own, so closing a client tears down every
/// libzmq thread and file descriptor it caused (the 50-kernel leak test relies on that).
final class ZMQContext {
    let handle: UnsafeMutableRawPointer

    init() throws(KernelError) {
        guard let h = zmq_ctx_new() else { throw ZMQContext.lastError("zmq_ctx_new") }
        handle = h
    }

    /// Sockets must all be closed first; `zmq_ctx_term` blocks until they are.
    func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    static func lastError(_ op: String) -> KernelError {
        let e = zmq_errno()
        return .zmq(operation: op, errno: e, message: String(cString: zmq_strerror(e)))
    }
}
