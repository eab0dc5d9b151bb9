import Foundation
import NotebookFormat

/// A run as the store keeps it: what was asked (`NewRun`'s fields) and what happened.
public struct RunRecord: Sendable, Equatable {
    public var id: RunID
    public var job: String?
    public var notebook: String
    public var parameters: JSONValue
    public var secretNames: [String]
    public var kernel: String?
    /// The kernel the worker actually started.
    public var kernelResolved: String?
    public var timeout: Double?
    /// 0 before the first claim, then the number of the current (or last) attempt.
    public var attempt: Int
    public var maxAttempts: Int
    public var retryBackoff: Double
    public var maxBackoff: Double
    public var status: RunStatus
    public var tags: [String]
    public var owner: String?
    public var labels: [String]
    public var scheduledFor: Date?
    public var idempotencyKey: String?
    public var rerunOf: RunID?
    public var spec: JSONValue
    public var created: Date
    /// A queued run is not claimed before this time (retry backoff).
    public var notBefore: Date
    /// When the first attempt started.
    public var started: Date?
    public var finished: Date?
    /// The worker holding (or last holding) the run.
    public var worker: String?
    public var leaseExpires: Date?
    public var cancelRequested: Bool
    public var inputSHA256: String?
    /// Where the worker kept a copy of the input it executed.
    public var inputSnapshot: String?
    /// Where the output notebook was written.
    public var output: String?
    public var error: RunErrorSummary?

    public init(
        id: RunID, job: String?, notebook: String, parameters: JSONValue, secretNames: [String],
        kernel: String?, kernelResolved: String?, timeout: Double?, attempt: Int, maxAttempts: Int,
        retryBackoff: Double, maxBackoff: Double, status: RunStatus, tags: [String], owner: String?,
        labels: [String], scheduledFor: Date?, idempotencyKey: String?, rerunOf: RunID?, spec: JSONValue,
        created: Date, notBefore: Date, started: Date?, finished: Date?, worker: String?,
        leaseExpires: Date?, cancelRequested: Bool, inputSHA256: String?, inputSnapshot: String?,
        output: String?, error: RunErrorSummary?
    ) {
        self.id = id
        self.job = job
        self.notebook = notebook
        self.parameters = parameters
        self.secretNames = secretNames
        self.kernel = kernel
        self.kernelResolved = kernelResolved
        self.timeout = timeout
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.retryBackoff = retryBackoff
        self.maxBackoff = maxBackoff
        self.status = status
        self.tags = tags
        self.owner = owner
        self.labels = labels
        self.scheduledFor = scheduledFor
        self.idempotencyKey = idempotencyKey
        self.rerunOf = rerunOf
        self.spec = spec
        self.created = created
        self.notBefore = notBefore
        self.started = started
        self.finished = finished
        self.worker = worker
        self.leaseExpires = leaseExpires
        self.cancelRequested = cancelRequested
        self.inputSHA256 = inputSHA256
        self.inputSnapshot = inputSnapshot
        self.output = output
        self.error = error
    }
}
