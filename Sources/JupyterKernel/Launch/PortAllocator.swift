import Glibc
import Synchronization

/// Picks free TCP ports by binding to port 0. Ports handed out once are never handed out again by
/// this process, so two kernels started back to back cannot race for one (jupyter_client#487).
enum PortAllocator {
    private static let handedOut = Mutex<Set<Int>>([])

    static func freePorts(_ count: Int, host: String) throws(KernelError) -> [Int] {
        var ports: [Int] = []
        var attempts = 0
        while ports.count < count {
            attempts += 1
            if attempts > 1000 { throw .launchFailed(argv: [], reason: "no free TCP port on \(host)") }
            let port = try bindEphemeral(host: host)
            let fresh = handedOut.withLock { $0.insert(port).inserted }
            if fresh { ports.append(port) }
        }
        return ports
    }

    private static func bindEphemeral(host: String) throws(KernelError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .io(path: "socket", errno: errno) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        inet_pton(AF_INET, host, &addr.sin_addr)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else { throw .io(path: "bind \(host)", errno: errno) }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
