import Foundation
import NotebookFormat

/// What a submission, a manual trigger or a scheduler firing asks the store to create.
public struct NewRun: Sendable {
    /// The job the run belongs to; nil for an ad-hoc run.
    public var job: String?
    /// URL or path of the input notebook.
    public var notebook: String
    /// Effective parameters, secret values already redacted by the caller.
    public var parameters: JSONValue
    /// Names of the secrets the run receives (never their values).
    public var secretNames: [String]
    /// Requested kernel; nil runs the notebook's own.
    public var kernel: String?
    /// Seconds the whole run may take; nil for no limit.
    public var timeout: Double?
    /// Attempts before a failure is final (at least 1).
    public var maxAttempts: Int
    /// Seconds before the first retry; doubles each attempt up to `maxBackoff`.
    public var retryBackoff: Double
    public var maxBackoff: Double
    public var tags: [String]
    public var owner: String?
    /// Labels a worker must have to claim the run.
    public var labels: [String]
    /// The cron slot this run fills; nil for ad-hoc and manual runs.
    public var scheduledFor: Date?
    /// A second submission with the same key (and owner) returns the first run.
    public var idempotencyKey: String?
    public var rerunOf: RunID?
    /// Opaque execution details the worker needs (environment, secret variable names, working
    /// folder...), returned as given; the caller guarantees it holds no secret values.
    public var spec: JSONValue

    public init(
        job: String? = nil, notebook: String, parameters: JSONValue = .object(JSONObject()),
        secretNames: [String] = [], kernel: String? = nil, timeout: Double? = nil,
        maxAttempts: Int = 1, retryBackoff: Double = 30, maxBackoff: Double = 600,
        tags: [String] = [], owner: String? = nil, labels: [String] = [], scheduledFor: Date? = nil,
        idempotencyKey: String? = nil, rerunOf: RunID? = nil, spec: JSONValue = .object(JSONObject())
    ) {
        self.job = job
        self.notebook = notebook
        self.parameters = parameters
        self.secretNames = secretNames
        self.kernel = kernel
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.retryBackoff = retryBackoff
        self.maxBackoff = maxBackoff
        self.tags = tags
        self.owner = owner
        self.labels = labels
        self.scheduledFor = scheduledFor
        self.idempotencyKey = idempotencyKey
        self.rerunOf = rerunOf
        self.spec = spec
    }
}

extension NewRun {
    /// Rejects what no backend should store, naming the field.
    func validate() throws(SchedulingStoreError) {
        func bad(_ field: String, _ reason: String) -> SchedulingStoreError { .invalidRun(field: field, reason: reason) }
        if notebook.isEmpty { throw bad("notebook", "is empty") }
        if let job, job.isEmpty { throw bad("job", "is empty (use nil for an ad-hoc run)") }
        if maxAttempts < 1 { throw bad("maxAttempts", "is \(maxAttempts); it must be at least 1") }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw bad("timeout", "is \(timeout); it must be a positive number of seconds")
        }
        if !(retryBackoff >= 0 && retryBackoff.isFinite) {
            throw bad("retryBackoff", "is \(retryBackoff); it must be zero or more seconds")
        }
        if !(maxBackoff >= 0 && maxBackoff.isFinite) {
            throw bad("maxBackoff", "is \(maxBackoff); it must be zero or more seconds")
        }
        if let idempotencyKey, idempotencyKey.isEmpty { throw bad("idempotencyKey", "is empty") }
        if let tag = tags.first(where: \.isEmpty) { throw bad("tags", "contain an empty tag \(tag.debugDescription)") }
    }
}
