import ArgumentParser
import Foundation
import Logging
import QuireServer
import Scheduling

/// `quire worker`: executes queued runs, with no HTTP server; pair with `quire serve --workers 0`.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Execute queued runs from a shared database (no HTTP server; pair with `quire serve --workers 0`).",
        discussion: """
            Settings come from quire.yaml (--config, or ./quire.yaml when present: database, store, \
            worker_labels, pool, lease, log_level), then QUIRE_DATABASE_URL, QUIRE_STORE, \
            QUIRE_WORKER_ID and the other QUIRE_* variables, then these flags. The database and the \
            store are required: they must be the ones the servers use.

            Database: PostgreSQL (postgres://user:pass@host:port/db) for workers on any number of \
            machines. A SQLite file is accepted only when it already exists on this machine, shared \
            with a `quire serve` here (SQLite's locking does not work across machines or network \
            file systems); a missing file is refused.

            Worker ids are <id>/worker-<i>. With a stable --id (unique per process, e.g. a pod \
            name), runs a crashed process left running are requeued as soon as it starts again. \
            The default, <host>-<pid>, is unique even with several workers on one host, but \
            changes on restart, so such runs are requeued when their leases expire instead. Two \
            live processes must never share an --id: each would requeue the other's runs.

            SIGTERM or SIGINT drains: no new runs are claimed, running notebooks get --drain-grace \
            seconds to finish, then are interrupted and handed back to the queue (the attempt \
            does not count against the run's retries). A second signal hands them back at once. \
            While the database is unreachable, a drain waits for it to record the runs' endings; \
            a second signal stops waiting (those runs are then requeued when their leases expire).

            Exit codes: 0 after a clean drain, 2 bad configuration (missing or invalid database \
            URL or store, missing SQLite file, bad option), 3 cannot start (database unreachable \
            or refusing the connection).
            """)

    @Option(help: "Configuration file (default: ./quire.yaml if it exists).")
    var config: String?
    @Option(help: "Database: postgres://user:pass@host:port/db, or an existing SQLite file shared with a server on this machine ($QUIRE_DATABASE_URL).")
    var database: String?
    @Option(help: "Where output notebooks go, as the servers have it: a folder or s3://bucket/prefix ($QUIRE_STORE).")
    var store: String?
    @Option(help: "Notebooks run at once (default: number of cores).")
    var concurrency: Int?
    @Option(name: .customLong("label"), help: "A label this worker has (repeatable), matched against jobs' `requires`.")
    var labels: [String] = []
    @Option(help: "Worker id prefix, stable across restarts and unique per process (default <host>-<pid>; $QUIRE_WORKER_ID).")
    var id: String?
    @Option(help: "Warm kernels kept per kernelspec in use (default 1; 0 disables the pool).")
    var poolSize: Int?
    @Option(help: "Seconds running notebooks get to finish after SIGTERM before they are handed back (default 30).")
    var drainGrace: Double?
    @Option(help: "Seconds one database operation may wait (for a connection included) before it fails and is retried later (default 15).")
    var databaseTimeout: Double?

    func run() async throws {
        let settings: WorkerSettings
        let logLevel: Logger.Level
        do { (settings, logLevel) = try resolveSettings() } catch {
            Stderr.print("quire worker: \(error)")
            throw QuireExit.badInput
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "quire.worker")
        do {
            try await QuireWorkerRuntime.run(settings, logger: logger) { id in
                // Written unbuffered: scripts and tests wait for this line.
                let labels = settings.labels.isEmpty ? "none" : settings.labels.joined(separator: ", ")
                let line = "Quire worker \(id) ready (workers: \(settings.concurrency), labels: \(labels), database: \(settings.database), store: \(settings.store))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
            Stderr.print("quire worker: drained; exiting")
        } catch let error as ServeError {
            Stderr.print("quire worker: \(error)")
            throw QuireExit.badInput
        } catch let error as WorkerError {
            Stderr.print("quire worker: \(error)")
            if case .sqliteDatabaseMissing = error { throw QuireExit.badInput }
            throw QuireExit.infrastructure
        } catch let error as SchedulingStoreError {
            Stderr.print("quire worker: \(error)")
            if case .invalidDatabaseURL = error { throw QuireExit.badInput }
            throw QuireExit.infrastructure
        } catch {
            Stderr.print("quire worker: \(error)")
            throw QuireExit.infrastructure
        }
    }

    private func resolveSettings() throws -> (WorkerSettings, Logger.Level) {
        let env = ProcessInfo.processInfo.environment
        var file = config
        if file == nil, FileManager.default.fileExists(atPath: "quire.yaml") { file = "quire.yaml" }
        var c = try file.map { try QuireConfig.load(file: $0) } ?? QuireConfig()
        c = try c.overriding(environment: env)
        if let database { c.database = database }
        if let store { c.store = store }
        guard let databaseText = c.database else {
            throw ValidationError("no database: pass --database postgres://user:pass@host:port/db (or set QUIRE_DATABASE_URL, or `database` in quire.yaml)")
        }
        guard let storeText = c.store else {
            throw ValidationError("no output store: pass --store with the folder or s3://bucket/prefix the servers write runs to (or set QUIRE_STORE, or `store` in quire.yaml)")
        }
        var settings = WorkerSettings(database: try SchedulingStoreLocation(databaseText), store: storeText,
                                      labels: labels.isEmpty ? c.workerLabels : labels, poolSize: c.pool.size, poolIdle: c.pool.idle,
                                      lease: c.lease.duration, heartbeat: c.lease.heartbeat)
        settings.poll = c.workerPoll
        settings.drainGrace = c.drainGrace
        if let concurrency {
            guard concurrency >= 1 else { throw ValidationError("--concurrency must be 1 or more, got \(concurrency)") }
            settings.concurrency = concurrency
        }
        if let poolSize {
            guard poolSize >= 0 else { throw ValidationError("--pool-size must be 0 or more, got \(poolSize)") }
            settings.poolSize = poolSize
        }
        if let drainGrace {
            guard drainGrace >= 0, drainGrace.isFinite, drainGrace <= 86_400 else {
                throw ValidationError("--drain-grace must be 0...86400 seconds, got \(drainGrace)")
            }
            settings.drainGrace = drainGrace
        }
        if let databaseTimeout {
            guard databaseTimeout > 0, databaseTimeout <= 3600 else {
                throw ValidationError("--database-timeout must be more than 0 and at most 3600 seconds, got \(databaseTimeout)")
            }
            settings.databaseTimeout = databaseTimeout
        }
        if let label = settings.labels.first(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
            throw ValidationError("--label must be a non-empty word, got \(label.debugDescription)")
        }
        let id = id ?? env["QUIRE_WORKER_ID"]
        if let id {
            guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw ValidationError("--id must be a non-empty name without spaces, got \(id.debugDescription)")
            }
            settings.id = id
        }
        return (settings, Logger.Level(rawValue: c.logLevel.rawValue) ?? .info)
    }
}
