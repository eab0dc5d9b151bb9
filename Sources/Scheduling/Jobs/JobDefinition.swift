import Foundation
import NotebookFormat

/// A named notebook run with its parameters, schedule and policies, as written in `quire.yaml`
/// under `jobs:` or sent to the REST API (snake_case keys in both).
///
/// `decode(_:at:)` validates; the memberwise initialiser trusts its caller.
public struct JobDefinition: Sendable, Equatable {
    /// `[A-Za-z0-9][A-Za-z0-9_.-]{0,99}`: safe in URLs and file names.
    public var name: String
    /// A path or store URL; may contain `{parameter}` templates filled from the parameters.
    public var notebook: String
    public var parameters: JSONObject
    /// Parameter name → name of an environment variable of the server process holding its value.
    /// Only the variable's name is stored, never the value.
    public var secrets: [String: String]
    /// Kernel environment variable → server environment variable whose value it receives.
    public var secretEnvironment: [String: String]
    /// Plain environment variables for the kernel.
    public var environment: [String: String]
    /// Kernel name overriding the notebook's kernelspec.
    public var kernel: String?
    /// Nil for a job that only runs when triggered.
    public var schedule: CronSchedule?
    /// The tz database name of the zone whose wall clock the schedule follows, as written
    /// (`UTC` stays `UTC`, where Foundation would call it `GMT`).
    public var timeZoneName: String
    /// Seconds a run may take before it is interrupted.
    public var timeout: Double?
    public var retries: RetryPolicy
    public var concurrency: ConcurrencyPolicy
    public var catchUp: CatchUpPolicy
    public var tags: [String]
    public var owner: String?
    /// Inactive jobs keep their definition and history but are not scheduled.
    public var active: Bool
    /// Working directory of the kernel.
    public var workingDirectory: String?
    /// Labels a worker must have to run this job.
    public var requires: [String]

    public init(
        name: String, notebook: String, parameters: JSONObject = [:], secrets: [String: String] = [:],
        secretEnvironment: [String: String] = [:], environment: [String: String] = [:], kernel: String? = nil,
        schedule: CronSchedule? = nil, timeZoneName: String = "UTC", timeout: Double? = nil,
        retries: RetryPolicy = RetryPolicy(), concurrency: ConcurrencyPolicy = .forbid,
        catchUp: CatchUpPolicy = CatchUpPolicy(), tags: [String] = [], owner: String? = nil, active: Bool = true,
        workingDirectory: String? = nil, requires: [String] = []
    ) {
        self.name = name
        self.notebook = notebook
        self.parameters = parameters
        self.secrets = secrets
        self.secretEnvironment = secretEnvironment
        self.environment = environment
        self.kernel = kernel
        self.schedule = schedule
        self.timeZoneName = timeZoneName
        self.timeout = timeout
        self.retries = retries
        self.concurrency = concurrency
        self.catchUp = catchUp
        self.tags = tags
        self.owner = owner
        self.active = active
        self.workingDirectory = workingDirectory
        self.requires = requires
    }

    /// The zone named by `timeZoneName`; UTC if the name is unknown (`decode` refuses those).
    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneName) ?? TimeZone(identifier: "UTC")!
    }

    /// The keys a job definition may have, in the order `jsonValue` writes them.
    static let keys = ["name", "notebook", "parameters", "secrets", "secret_env", "env", "kernel", "schedule",
                       "timezone", "timeout", "retries", "concurrency", "catchup", "tags", "owner", "active",
                       "cwd", "requires"]
}
