import Foundation
import NotebookFormat

extension JobDefinition {
    /// Validates and reads a job definition. Strict: unknown keys and wrong types are errors, each
    /// naming the key path from `path` (`jobs[2].retries.max_attempts`) so the REST API can return
    /// it with the 400 and a config author can find the line.
    public static func decode(_ value: JSONValue, at path: String = "") throws(SchedulingError) -> JobDefinition {
        let r = try ObjectReader(value, at: path, keys: keys, required: ["name", "notebook"])
        let name = try r.string("name")!
        guard JobNames.isValid(name) else {
            throw .invalidValue(path: r.path("name"), expected: "a name of letters, digits, '_', '.' and '-' (at most 100, starting with a letter or digit)",
                                found: ObjectReader.quoted(name))
        }
        let notebook = try r.string("notebook")!
        if let problem = JobNames.templateProblem(notebook) {
            throw .invalidValue(path: r.path("notebook"), expected: "a path or URL with well-formed {parameter} templates (\(problem))",
                                found: ObjectReader.quoted(notebook))
        }
        var job = JobDefinition(name: name, notebook: notebook)
        if let p = r.value("parameters") {
            guard case .object(let o) = p else { throw r.fail("parameters", expected: "an object of NAME: value", found: p) }
            job.parameters = o
        }
        job.secrets = try r.stringMap("secrets", keyRule: "parameter names", validKey: JobNames.isIdentifier) ?? [:]
        for (parameter, variable) in job.secrets {
            try checkVariable(variable, at: ObjectReader.join(r.path("secrets"), parameter))
            if job.parameters[parameter] != nil {
                throw .invalidValue(path: ObjectReader.join(r.path("secrets"), parameter),
                                    expected: "a parameter not also given in parameters (a secret's value comes only from the environment)",
                                    found: ObjectReader.quoted(parameter))
            }
        }
        job.secretEnvironment = try r.stringMap("secret_env", keyRule: "environment variable names", validKey: JobNames.isIdentifier) ?? [:]
        for (kernelVariable, variable) in job.secretEnvironment {
            try checkVariable(variable, at: ObjectReader.join(r.path("secret_env"), kernelVariable))
        }
        job.environment = try r.stringMap("env", keyRule: "environment variable names", validKey: JobNames.isIdentifier) ?? [:]
        job.kernel = try r.string("kernel")
        if let text = try r.string("schedule", expected: "a cron expression") {
            do throws(SchedulingError) {
                job.schedule = try CronSchedule(parsing: text)
            } catch {
                throw .inField(path: r.path("schedule"), error: error)
            }
        }
        if let zone = try r.string("timezone", expected: "an IANA time zone name") {
            _ = try TimeZones.named(zone, at: r.path("timezone"))
            job.timeZoneName = zone
        }
        job.timeout = try r.seconds("timeout", minimum: 0, exclusive: true)
        if let v = r.value("retries") { job.retries = try decodeRetries(v, at: r.path("retries")) }
        if let text = try r.string("concurrency", expected: "allow, forbid or replace") {
            guard let policy = ConcurrencyPolicy(rawValue: text) else {
                throw r.fail("concurrency", expected: "allow, forbid or replace", found: .string(text))
            }
            job.concurrency = policy
        }
        if let v = r.value("catchup") { job.catchUp = try decodeCatchUp(v, at: r.path("catchup")) }
        job.tags = try r.strings("tags") ?? []
        job.owner = try r.string("owner")
        job.active = try r.bool("active") ?? true
        job.workingDirectory = try r.string("cwd")
        job.requires = try r.strings("requires") ?? []
        return job
    }

    private static func checkVariable(_ variable: String, at path: String) throws(SchedulingError) {
        guard JobNames.isIdentifier(variable) else {
            throw .invalidValue(path: path, expected: "the name of an environment variable of the server", found: ObjectReader.quoted(variable))
        }
    }

    private static func decodeRetries(_ value: JSONValue, at path: String) throws(SchedulingError) -> RetryPolicy {
        let expected = "an integer ≥ 1"
        if case .int(let n) = value {
            guard n >= 1 else { throw .invalidValue(path: path, expected: expected + " or an object", found: "\(n)") }
            return RetryPolicy(maxAttempts: n)
        }
        guard case .object = value else {
            throw .invalidValue(path: path, expected: "an integer (max_attempts) or an object", found: ObjectReader.shown(value))
        }
        let r = try ObjectReader(value, at: path, keys: ["max_attempts", "backoff", "max_backoff", "jitter"])
        var policy = RetryPolicy()
        policy.maxAttempts = try r.int("max_attempts", in: 1...Int.max, expected: expected) ?? policy.maxAttempts
        policy.backoff = try r.seconds("backoff", minimum: 0, exclusive: false) ?? policy.backoff
        policy.maxBackoff = try r.seconds("max_backoff", minimum: 0, exclusive: false) ?? max(policy.maxBackoff, policy.backoff)
        guard policy.maxBackoff >= policy.backoff else {
            throw r.fail("max_backoff", expected: "a number of seconds ≥ backoff (\(ObjectReader.number(policy.backoff)))",
                         found: .double(policy.maxBackoff))
        }
        if let text = try r.string("jitter", expected: "full or equal") {
            guard let jitter = RetryPolicy.Jitter(rawValue: text) else { throw r.fail("jitter", expected: "full or equal", found: .string(text)) }
            policy.jitter = jitter
        }
        return policy
    }

    private static func decodeCatchUp(_ value: JSONValue, at path: String) throws(SchedulingError) -> CatchUpPolicy {
        let expected = "skip, latest or all"
        if case .string(let text) = value {
            guard let policy = CatchUpPolicy.Policy(rawValue: text) else {
                throw .invalidValue(path: path, expected: expected, found: ObjectReader.quoted(text))
            }
            return CatchUpPolicy(policy: policy)
        }
        guard case .object = value else {
            throw .invalidValue(path: path, expected: "\(expected), or an object {policy, window}", found: ObjectReader.shown(value))
        }
        let r = try ObjectReader(value, at: path, keys: ["policy", "window"])
        var catchUp = CatchUpPolicy()
        if let text = try r.string("policy", expected: expected) {
            guard let policy = CatchUpPolicy.Policy(rawValue: text) else { throw r.fail("policy", expected: expected, found: .string(text)) }
            catchUp.policy = policy
        }
        catchUp.window = try r.seconds("window", minimum: 0, exclusive: true) ?? catchUp.window
        return catchUp
    }
}
