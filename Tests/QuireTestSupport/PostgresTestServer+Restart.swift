import Foundation

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
