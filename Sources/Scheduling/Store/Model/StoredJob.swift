import Foundation
import NotebookFormat

/// A job definition as the store keeps it. The definition itself is opaque here: the Jobs layer
/// owns its schema.
public struct StoredJob: Sendable, Equatable {
    /// Where a job came from: the configuration file (replaced on reload) or the API.
    public enum Source: String, Sendable, CaseIterable {
        case config, api
    }

    public var name: String
    public var definition: JSONValue
    /// "config" or "api".
    public var source: String
    /// False while the job is paused: the scheduler fires no slot for it.
    public var active: Bool
    public var owner: String?
    public var tags: [String]
    public var created: Date
    public var updated: Date

    public init(
        name: String, definition: JSONValue, source: String, active: Bool = true, owner: String? = nil,
        tags: [String] = [], created: Date, updated: Date
    ) {
        self.name = name
        self.definition = definition
        self.source = source
        self.active = active
        self.owner = owner
        self.tags = tags
        self.created = created
        self.updated = updated
    }
}

extension StoredJob {
    func validate() throws(SchedulingStoreError) {
        if name.isEmpty { throw .invalidJob(name: name, reason: "the name is empty") }
        if Source(rawValue: source) == nil {
            throw .invalidJob(name: name, reason: "source is \(source.debugDescription); it must be \"config\" or \"api\"")
        }
    }
}

extension StoredJob {
    /// What every backend checks before replacing the configuration's jobs: each job valid, each
    /// name once, each marked as coming from the configuration.
    static func validateConfigurationSet(_ jobs: [StoredJob]) throws {
        var seen = Set<String>()
        for job in jobs {
            try job.validate()
            if !seen.insert(job.name).inserted {
                throw SchedulingStoreError.invalidJob(name: job.name, reason: "the configuration defines it twice")
            }
            if job.source != StoredJob.Source.config.rawValue {
                throw SchedulingStoreError.invalidJob(name: job.name, reason: "a configuration job must have source \"config\", not \(job.source.debugDescription)")
            }
        }
    }
}
