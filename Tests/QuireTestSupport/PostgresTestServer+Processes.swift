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

    /// Runs a command to completion; a non-zero exit throws with its output. Spawned and reaped
    /// here rather than by Foundation's Process, which waits until every inheritor of its
    /// bookkeeping descriptor is gone: `pg_ctl start` leaves a daemon that would hold it forever.
    static func run(_ path: String, _ args: [String], env: [String: String] = [:]) throws {
        let output = NSTemporaryDirectory() + "quire-pgcmd-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else this process has open may leak into the child: `pg_ctl start` leaves a
        // daemon behind, and an inherited pipe end would keep another test's helper from ever
        // seeing end-of-file on its stdin (a whole test process hung on that once).
        for fd in 3..<Int32(1024) where fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let environment = ProcessInfo.processInfo.environment.merging(env) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS as the C macros define them.
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            let how = exited ? "exited with \(code)" : "was killed by signal \(status & 0x7f)"
            throw Failure(description: "\(path) \(args.joined(separator: " ")) \(how): \(text)")
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
        let ours = created.withLock { $0 }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] where name.hasPrefix(folderPrefix) {
            if ours.contains(URL(fileURLWithPath: tmp).appendingPathComponent(name).path) { continue }
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

    /// The exit handler: stops this process's servers, if any were started.
    static func stopRunning() {
        for folder in running.withLock({ folders in defer { folders = [] }; return folders }) { stop(folder: folder) }
    }
}
