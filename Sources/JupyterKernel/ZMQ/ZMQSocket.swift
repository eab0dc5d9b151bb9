import CZMQ
import Glibc

/// One libzmq socket. Not thread-safe (libzmq sockets are not): only the I/O thread that created
/// it may use it, which is why it is neither `Sendable` nor shared.
final class ZMQSocket {
    enum Kind {
        case dealer, sub, req
        var raw: Int32 {
            switch self {
            case .dealer: ZMQ_DEALER
            case .sub: ZMQ_SUB
            case .req: ZMQ_REQ
            }
        }
    }

    private(set) var handle: UnsafeMutableRawPointer?

    init(context: ZMQContext, kind: Kind) throws(KernelError) {
        guard let h = zmq_socket(context.handle, kind.raw) else {
            throw ZMQContext.lastError("zmq_socket")
        }
        handle = h
        // Closing must never wait for unsent messages to a dead kernel.
        try setOption(ZMQ_LINGER, 0)
    }

    deinit { close() }

    func close() {
        if let h = handle { zmq_close(h) }
        handle = nil
    }

    func setOption(_ option: Int32, _ value: Int32) throws(KernelError) {
        var v = value
        if zmq_setsockopt(handle, option, &v, MemoryLayout<Int32>.size) != 0 {
            throw ZMQContext.lastError("zmq_setsockopt(\(option))")
        }
    }

    func setOption(_ option: Int32, bytes: [UInt8]) throws(KernelError) {
        let rc = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        if rc != 0 { throw ZMQContext.lastError("zmq_setsockopt(\(option))") }
    }

    func connect(_ endpoint: String) throws(KernelError) {
        if zmq_connect(handle, endpoint) != 0 { throw ZMQContext.lastError("zmq_connect(\(endpoint))") }
    }

    /// Sends all frames as one multipart message without ever blocking: a DEALER blocks while it has
    /// no live peer (a kernel that went away), and a blocked I/O thread would hang every request.
    /// Returns false when the message was not accepted (try again later).
    func send(_ frames: [[UInt8]]) throws(KernelError) -> Bool {
        for (i, frame) in frames.enumerated() {
            let flags = (i == frames.count - 1 ? 0 : ZMQ_SNDMORE) | ZMQ_DONTWAIT
            var rc: Int32 = -1
            repeat {
                rc = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            } while rc < 0 && zmq_errno() == EINTR
            // Once the first frame is queued libzmq accepts the rest of the message atomically.
            if rc < 0 && zmq_errno() == EAGAIN && i == 0 { return false }
            if rc < 0 { throw ZMQContext.lastError("zmq_send") }
        }
        return true
    }

    /// Receives one whole multipart message without blocking; nil when none is queued.
    func receive() throws(KernelError) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        while true {
            var msg = zmq_msg_t()
            zmq_msg_init(&msg)
            defer { zmq_msg_close(&msg) }
            // Only the first frame may be absent; later frames of a multipart message are atomic.
            let flags = frames.isEmpty ? ZMQ_DONTWAIT : 0
            var rc: Int32
            repeat { rc = zmq_msg_recv(&msg, handle, flags) } while rc < 0 && zmq_errno() == EINTR
            if rc < 0 {
                if zmq_errno() == EAGAIN && frames.isEmpty { return nil }
                throw ZMQContext.lastError("zmq_msg_recv")
            }
            let size = zmq_msg_size(&msg)
            if size == 0 {
                frames.append([])
            } else {
                let base = zmq_msg_data(&msg)!.assumingMemoryBound(to: UInt8.self)
                frames.append(Array(UnsafeBufferPointer(start: base, count: size)))
            }
            if zmq_msg_more(&msg) == 0 { return frames }
        }
    }
}
