import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PostgresTestServer {
    /// Stops the server as an administrator would for maintenance (`pg_ctl stop -m fast`: clients
    /// are disconnected), then starts it again on the same port and data, as clients expect.
    public func restart() throws {
        guard let folder = dataFolder, let port = currentPort else { throw Failure(description: "the server was never started") }
        let bin = try Self.binaries()
        try Self.server(bin, "pg_ctl", ["-D", "\(folder)/data", "-m", "fast", "-w", "-t", "60", "stop"])
        try Self.server(bin, "pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-o", Self.options(port: port, folder: folder),
                                        "-w", "-t", "60", "start"])
    }

    /// Stops a server of its own (not `shared`) and removes its data.
    public func shutdown() {
        guard let folder = dataFolder else { return }
        Self.stop(folder: folder)
        running.withLock { $0.removeAll { $0 == folder } }
        forget()
    }
}

extension PostgresTestServer {
    /// Freezes every process of the server (SIGSTOP): connections stay open and new ones are
    /// accepted by the kernel, but nothing answers — a hung host or a network partition as a
    /// client sees it. `thaw()` resumes them.
    public func freeze() throws { try signalAll(SIGSTOP) }

    public func thaw() throws { try signalAll(SIGCONT) }

    private func signalAll(_ signal: Int32) throws {
        guard let folder = dataFolder,
              let text = try? String(contentsOfFile: "\(folder)/data/postmaster.pid", encoding: .utf8),
              let postmaster = text.split(separator: "\n").first.flatMap({ Int32($0) })
        else { throw Failure(description: "the server is not running") }
        // The postmaster and its children (one backend per connection, and the background workers).
        var pids = [postmaster]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                  let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("PPid:") }),
                  Int32(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) == postmaster
            else { continue }
            pids.append(pid)
        }
        for pid in pids { kill(pid, signal) }
    }
}

extension PostgresTestServer {
    /// Stops the server as an administrator would (`pg_ctl stop -m fast`: sessions are ended,
    /// open transactions rolled back) and leaves it stopped until `startServer()`.
    public func stopServer() throws {
        guard let folder = dataFolder else { throw Failure(description: "the server was never started") }
        try Self.server(try Self.binaries(), "pg_ctl", ["-D", "\(folder)/data", "-m", "fast", "-w", "-t", "60", "stop"])
    }

    /// Starts a stopped server again on the same port and data.
    public func startServer() throws {
        guard let folder = dataFolder, let port = currentPort else { throw Failure(description: "the server was never started") }
        try Self.server(try Self.binaries(), "pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log",
                                                        "-o", Self.options(port: port, folder: folder), "-w", "-t", "60", "start"])
    }

    /// Stops a server of the test's own for good and removes its folder.
    public func remove() { shutdown() }
}
