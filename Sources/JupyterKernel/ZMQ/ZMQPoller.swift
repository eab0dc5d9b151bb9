import CZMQ
import Glibc

/// A `zmq_poll` set over sockets and plain file descriptors (the I/O thread's wake-up pipe).
struct ZMQPoller {
    private var items: [zmq_pollitem_t] = []

    /// Returns the index of the item, to look it up in `isReadable` after `poll`.
    @discardableResult
    mutating func add(_ socket: ZMQSocket) -> Int {
        items.append(zmq_pollitem_t(socket: socket.handle, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0))
        return items.count - 1
    }

    @discardableResult
    mutating func add(fd: Int32) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fd, events: Int16(ZMQ_POLLIN), revents: 0))
        return items.count - 1
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for any item to become readable.
    mutating func poll(timeoutMilliseconds: Int) throws(KernelError) {
        for i in items.indices { items[i].revents = 0 }
        let rc = items.withUnsafeMutableBufferPointer {
            zmq_poll($0.baseAddress, Int32($0.count), timeoutMilliseconds)
        }
        if rc < 0 && zmq_errno() != EINTR { throw ZMQContext.lastError("zmq_poll") }
    }

    func isReadable(_ index: Int) -> Bool {
        items[index].revents & Int16(ZMQ_POLLIN) != 0
    }
}
