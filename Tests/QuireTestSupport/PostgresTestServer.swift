import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A private PostgreSQL server from Debian's `postgresql` package, started once per test process
/// on a port the OS chose (127.0.0.1 only, socket in its own folder), with a fresh database per
/// test. It is stopped when the process exits; a server left behind by a killed test process is
/// stopped by the next one.
///
/// Tests that stop or restart the server use one of their own (`PostgresTestServer()`, then
/// `shutdown()`), never `shared`, which tests running in parallel depend on.
public actor PostgresTestServer {
    public static let shared = PostgresTestServer()

    public init() {}

    /// The superuser `initdb` creates; host connections need its password (scram-sha-256).
    public static let user = "quire"
    public static let password = "quire-test-pw"
    static let folderPrefix = "quire-pgtest-"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var port: Int?
    private var folder: String?
    private var counter = 0
    /// Tests holding a database at once; each holds a few pooled connections.
    private var holders = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    public static let maximumHolders = 6

    /// The server's bin folder (the newest installed major version).
    public static func binaries() throws -> String {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .compactMap(Int.init).sorted()
        guard let newest = versions.last, FileManager.default.isExecutableFile(atPath: "\(base)/\(newest)/bin/initdb")
        else { throw Failure(description: "PostgreSQL server binaries not found under \(base): apt-get install postgresql (scripts/bootstrap)") }
        return "\(base)/\(newest)/bin"
    }

    /// A URL (`postgres://quire:…@127.0.0.1:PORT/NAME`) for `database` on this server.
    public func url(database: String) async throws -> String {
        "postgres://\(Self.user):\(Self.password)@127.0.0.1:\(try start())/\(database)?sslmode=disable"
    }

    /// Creates an empty database for one test and returns its name; waits while
    /// `maximumHolders` other tests hold one. Pair with `dropDatabase`.
    public func createDatabase() async throws -> String {
        if holders >= Self.maximumHolders { await withCheckedContinuation { waiting.append($0) } } else { holders += 1 }
        do {
            let port = try start()
            counter += 1
            let name = "t\(getpid())_\(counter)"
            try Self.client("createdb", port: port, [name])
            return name
        } catch {
            release()
            throw error
        }
    }

    /// Runs SQL as the superuser in `database` (psql, stopping at the first error).
    public func execute(_ sql: String, database: String) throws {
        try Self.client("psql", port: try start(), ["-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql])
    }

    /// Drops a test database, ending connections the test left open.
    public func dropDatabase(_ name: String) {
        if let port { try? Self.client("dropdb", port: port, ["--force", name]) }
        release()
    }

    private func release() {
        if waiting.isEmpty { holders -= 1 } else { waiting.removeFirst().resume() }
    }

    /// The port of the running server, starting it on first use.
    private func start() throws -> Int {
        if let port { return port }
        Self.stopStale()
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(Self.folderPrefix)\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Listed from now on, so that another server of this process starting meanwhile does not
        // take it for a stale one; the exit handler stops (or just removes) it.
        let first = running.withLock { folders in
            defer { folders.append(folder) }
            return folders.isEmpty
        }
        if first { atexit { PostgresTestServer.stopRunning() } }
        let bin = try Self.binaries()
        try Self.password.write(toFile: "\(folder)/pw", atomically: true, encoding: .utf8)
        try Self.giveToPostgres(folder)
        try Self.server(bin, "initdb", ["-D", "\(folder)/data", "-U", Self.user, "--pwfile=\(folder)/pw",
                                        "--auth-local=trust", "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync"])
        // The chosen port may be taken between probe and start: try a few.
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = try Self.freePort()
            do {
                try Self.server(bin, "pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-o", Self.options(port: port, folder: folder),
                                                "-w", "-t", "60", "start"])
            } catch {
                lastError = error
                continue
            }
            self.port = port
            self.folder = folder
            return port
        }
        throw lastError ?? Failure(description: "PostgreSQL did not start")
    }

    static func options(port: Int, folder: String) -> String {
        "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c max_connections=200 "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    }

    var dataFolder: String? { folder }
    var currentPort: Int? { port }

    func forget() {
        port = nil
        folder = nil
    }
}

/// The data folders of this process's servers, for the exit handler (which can capture nothing).
let running = Mutex<[String]>([])
