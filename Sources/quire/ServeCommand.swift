import ArgumentParser
import Foundation
import Logging
import QuireServer
import Scheduling

/// `quire serve`: HTTP API, scheduler and embedded workers in one process, on embedded defaults.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Quire server: REST API, scheduler and workers (SQLite + a local folder by default).",
        discussion: """
            Settings come from quire.yaml (--config, or ./quire.yaml when present), then QUIRE_* \
            environment variables, then these flags. Jobs in the file are reloaded on SIGHUP or when \
            the file changes; an invalid file keeps the previous jobs. Exit codes: 0 after a clean \
            shutdown (SIGINT/SIGTERM), 2 bad configuration, 3 the server could not start.
            """)

    @Option(help: "Configuration file (default: ./quire.yaml if it exists).")
    var config: String?
    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (default 8080).")
    var port: Int?
    @Option(help: "Data folder: database and run outputs (default ./quire-data; $QUIRE_DATA).")
    var data: String?
    @Option(help: "Where output notebooks go: a folder or s3://bucket/prefix (default <data>/runs).")
    var store: String?
    @Option(help: "Database: a SQLite file path, sqlite:PATH or postgres://user:pass@host:port/db (default <data>/quire.db; $QUIRE_DATABASE_URL).")
    var database: String?
    @Option(help: "Embedded workers; 0 runs none (default: number of cores).")
    var workers: Int?
    @Option(help: "This server's name among those sharing the database; embedded worker ids are <instance>/serve-<i>. Default: the host name on SQLite, <host>-<pid> on PostgreSQL (unique, but a restart then leaves a crash's runs to lease expiry); give replicas stable unique names ($QUIRE_INSTANCE).")
    var instance: String?
    @Option(help: "Warm kernels kept per kernelspec in use (default 1; 0 disables the pool).")
    var poolSize: Int?
    @Flag(help: "Start every pooled kernel as an interpreter of its own instead of forking it from a pre-imported ipykernel.")
    var noForkServer = false
    @Flag(help: "Allow listening on a non-loopback address without API tokens (trusted networks only).")
    var allowUnauthenticatedRemote = false

    func run() async throws {
        let settings: ServeSettings
        let logLevel: Logger.Level
        do { (settings, logLevel) = try resolveSettings() } catch {
            Stderr.print("quire serve: \(error)")
            throw QuireExit.badInput
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "quire")
        do {
            try await QuireServerRuntime.run(settings, logger: logger) { port in
                // Written unbuffered: scripts and tests wait for this line to learn the port.
                let line = "Quire serving on http://\(settings.server.host):\(port) (data: \(settings.dataDirectory), workers: \(settings.workers))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch let error as ServeError {
            Stderr.print("quire serve: \(error)")
            throw QuireExit.badInput
        } catch let error as SchedulingError {
            Stderr.print("quire serve: \(error)")
            throw QuireExit.badInput
        } catch {
            Stderr.print("quire serve: \(error)")
            throw QuireExit.infrastructure
        }
    }

    private func resolveSettings() throws -> (ServeSettings, Logger.Level) {
        let env = ProcessInfo.processInfo.environment
        var file = config
        if file == nil, FileManager.default.fileExists(atPath: "quire.yaml") { file = "quire.yaml" }
        var c = try file.map { try QuireConfig.load(file: $0) } ?? QuireConfig()
        c = try c.overriding(environment: env)
        if let host { c.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
            c.port = port
        }
        if let data { c.data = data }
        if let store { c.store = store }
        if let database { c.database = database }
        if let workers {
            guard workers >= 0 else { throw ValidationError("--workers must be 0 or more, got \(workers)") }
            c.workers = workers
        }
        if let poolSize {
            guard poolSize >= 0 else { throw ValidationError("--pool-size must be 0 or more, got \(poolSize)") }
            c.pool.size = poolSize
        }
        let tokens = try c.tokenTable(environment: env).map { APIToken(token: $0.key, user: $0.value.user, admin: $0.value.admin) }
        let s = ServeSettings(
            server: ServerOptions(host: c.host, port: c.port, tokens: tokens.sorted { $0.user < $1.user }),
            dataDirectory: c.data, store: c.store, database: try SchedulingStoreLocation(c.databaseLocation),
            workers: c.workerCount, workerLabels: c.workerLabels, workerPoll: c.workerPoll, poolSize: c.pool.size, poolIdle: c.pool.idle,
            lease: c.lease.duration, heartbeat: c.lease.heartbeat, configFile: file,
            allowUnauthenticatedRemote: allowUnauthenticatedRemote)
        var settings = s
        settings.drainGrace = c.drainGrace
        settings.forkServer = !noForkServer
        if let name = instance ?? env["QUIRE_INSTANCE"] {
            guard !name.isEmpty, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw ValidationError("--instance must be a non-empty name without spaces, got \(name.debugDescription)")
            }
            settings.instance = name
        }
        return (settings, Logger.Level(rawValue: c.logLevel.rawValue) ?? .info)
    }
}
