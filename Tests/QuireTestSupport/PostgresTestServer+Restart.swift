import Foundation

extension PostgresTestServer {
    /// Stops the server as an administrator would (`pg_ctl stop -m fast`: sessions are ended,
    /// open transactions rolled back). Only for a server of the test's own, never `shared`.
    public func stopServer() throws {
        guard let folder else { throw Failure(description: "the server was never started") }
        try Self.server(try Self.binaries(), "pg_ctl", ["-D", "\(folder)/data", "-m", "fast", "-w", "-t", "60", "stop"])
    }

    /// Starts a stopped server again on the same port and data.
    public func startServer() throws {
        guard let folder, let serverOptions else { throw Failure(description: "the server was never started") }
        try Self.server(try Self.binaries(), "pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-o", serverOptions,
                                                        "-w", "-t", "60", "start"])
    }

    /// Stops the server for good and removes its folder (a server of the test's own).
    public func remove() {
        guard let folder else { return }
        running.withLock { _ = $0.remove(folder) }
        Self.stop(folder: folder)
        self.folder = nil
    }
}
