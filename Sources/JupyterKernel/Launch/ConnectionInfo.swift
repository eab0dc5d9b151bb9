import Foundation
import NotebookFormat

/// The contents of a kernel connection file: where the five channels live and the HMAC key.
public struct ConnectionInfo: Sendable, Equatable {
    public enum Transport: String, Sendable { case ipc, tcp }

    public var transport: Transport
    /// TCP: the bind address. IPC: the socket path prefix (endpoints are `<ip>-<port>`).
    public var ip: String
    public var shellPort: Int, iopubPort: Int, stdinPort: Int, controlPort: Int, hbPort: Int
    public var key: String
    public var signatureScheme = "hmac-sha256"
    public var kernelName: String

    func endpoint(_ port: Int) -> String {
        switch transport {
        case .tcp: "tcp://\(ip):\(port)"
        case .ipc: "ipc://\(ip)-\(port)"
        }
    }

    /// IPC socket files the kernel creates; removed on shutdown.
    var ipcPaths: [String] {
        transport == .ipc ? [shellPort, iopubPort, stdinPort, controlPort, hbPort].map { "\(ip)-\($0)" } : []
    }

    var json: JSONValue {
        .object(JSONObject([
            ("shell_port", .int(shellPort)), ("iopub_port", .int(iopubPort)),
            ("stdin_port", .int(stdinPort)), ("control_port", .int(controlPort)),
            ("hb_port", .int(hbPort)), ("ip", .string(ip)), ("key", .string(key)),
            ("transport", .string(transport.rawValue)), ("signature_scheme", .string(signatureScheme)),
            ("kernel_name", .string(kernelName)),
        ]))
    }

    /// Writes the file with mode 0600 from the start (it holds the key), refusing to overwrite.
    func write(to path: String) throws(KernelError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(path: path, errno: errno) }
        defer { close(fd) }
        let bytes = json.serialized()
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written != bytes.count { throw .io(path: path, errno: errno) }
    }

    /// A fresh key in jupyter_client's shape: 16 random bytes as `8hex-24hex`.
    static func freshKey() -> String {
        var rng = SystemRandomNumberGenerator()
        let hex = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }
        return hex[0..<4].joined() + "-" + hex[4...].joined()
    }
}
