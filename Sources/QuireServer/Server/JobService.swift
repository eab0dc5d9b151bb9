import Foundation
import Logging
import Scheduling
import Synchronization

/// Keeps the jobs declared in `quire.yaml` in the database: loaded at start, reloaded on SIGHUP or
/// when the file changes. A file that does not parse or validate changes nothing — the previous
/// definitions stay in force and the precise error is logged.
actor JobService {
    let store: any SchedulingStore
    let configFile: String?
    let logger: Logger
    private var lastModified: Date?
    private(set) var lastError: String?

    init(store: any SchedulingStore, configFile: String?, logger: Logger) {
        self.store = store
        self.configFile = configFile
        self.logger = logger
    }

    /// Loads the file's jobs; throws at start-up so that `quire serve` refuses a broken file.
    func load() async throws {
        guard let configFile else { return }
        lastModified = Self.modified(configFile)
        let config = try QuireConfig.load(file: configFile)
        try await apply(config.jobs)
    }

    func apply(_ jobs: [JobDefinition]) async throws {
        let now = Date()
        let stored = jobs.map { job in
            StoredJob(name: job.name, definition: job.jsonValue, source: "config", active: job.active, owner: job.owner,
                      tags: job.tags, created: now, updated: now)
        }
        try await store.replaceConfigJobs(stored, now: now)
    }

    func reload(reason: String) async {
        guard let configFile else { return }
        lastModified = Self.modified(configFile)
        do {
            let config = try QuireConfig.load(file: configFile)
            try await apply(config.jobs)
            lastError = nil
            logger.info("reloaded \(config.jobs.count) job(s) from \(configFile) (\(reason))")
        } catch {
            lastError = "\(error)"
            logger.error("\(configFile) not reloaded (\(reason)); the previous job definitions stay in force: \(error)")
        }
    }

    /// Watches for SIGHUP and for changes of the file's modification time.
    func watch(every interval: Duration = .seconds(2)) async {
        guard let configFile else { return }
        HangupSignal.install()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if HangupSignal.take() {
                await reload(reason: "SIGHUP")
            } else if let m = Self.modified(configFile), m != lastModified {
                await reload(reason: "file changed")
            }
        }
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// SIGHUP as a flag: signal handlers may not take locks, so the handler only sets it.
enum HangupSignal {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in hangupReceived.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        sigaction(SIGHUP, &action, nil)
    }

    static func take() -> Bool { hangupReceived.exchange(false, ordering: .relaxed) }
}

private let hangupReceived = Atomic<Bool>(false)
