import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PostgresTestServer {
    /// initdb and postgres refuse to run as root: as root, they run as the `postgres` user.
    static var asRoot: Bool { getuid() == 0 }

    static func server(_ bin: String, _ tool: String, _ args: [String]) throws {
        if asRoot {
            try run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(bin)/\(tool)"] + args)
        } else {
            try run("\(bin)/\(tool)", args)
        }
    }

    /// createdb/dropdb over TCP with the superuser's password.
    static func client(_ tool: String, port: Int, _ args: [String]) throws {
        try run("\(try binaries())/\(tool)", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user] + args,
                env: ["PGPASSWORD": password])
    }

    static func giveToPostgres(_ folder: String) throws {
        if asRoot { try run("/bin/chown", ["-R", "postgres:postgres", folder]) }
    }

    /// Runs a command to completion; a non-zero exit throws with its output.
    static func run(_ path: String, _ args: [String], env: [String: String] = [:]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("quire-pgcmd-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        p.standardOutput = handle
        p.standardError = handle
        // pg_ctl's server inherits descriptors; a file (not a pipe) means nobody waits for it to close.
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw Failure(description: "\(path) \(args.joined(separator: " ")) exited with \(p.terminationStatus): \(text)")
        }
    }

    /// A TCP port on 127.0.0.1 the OS reports free.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "cannot bind a port on 127.0.0.1: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops and removes servers of test processes that no longer exist (killed before their exit
    /// handler ran).
    static func stopStale() {
        let tmp = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] where name.hasPrefix(folderPrefix) {
            let owner = name.dropFirst(folderPrefix.count).split(separator: "-").first.flatMap { Int32($0) }
            if let owner, owner != getpid(), kill(owner, 0) == 0 || errno != ESRCH { continue }
            stop(folder: URL(fileURLWithPath: tmp).appendingPathComponent(name).path)
        }
    }

    static func stop(folder: String) {
        if FileManager.default.fileExists(atPath: "\(folder)/data/postmaster.pid"), let bin = try? binaries() {
            try? server(bin, "pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The exit handler: stops this process's server, if one was started.
    static func stopRunning() {
        guard let folder = running.withLock({ folder in defer { folder = nil }; return folder }) else { return }
        stop(folder: folder)
    }
}
