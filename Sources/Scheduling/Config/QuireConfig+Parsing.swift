import Foundation
import NotebookExecution
import NotebookFormat

extension QuireConfig {
    static let keys = ["host", "port", "data", "store", "database", "workers", "pool", "lease", "tokens",
                       "worker_labels", "worker_poll", "drain_grace", "log_level", "jobs"]

    /// Reads `quire.yaml` text. Errors start with `file`: malformed YAML names the line and column,
    /// bad values the key path (`quire.yaml: jobs[1].timezone: unknown time zone "Mars/Olympus"`).
    /// An empty file is the default configuration.
    public static func parse(yaml: String, file: String) throws(SchedulingError) -> QuireConfig {
        try decode(file: file) { () throws(ParameterError) in try YAMLLoader.load(yaml, source: file) }
    }

    /// Reads and parses a configuration file (UTF-8, or UTF-16 with a byte order mark).
    public static func load(file: String) throws(SchedulingError) -> QuireConfig {
        guard let data = FileManager.default.contents(atPath: file) else {
            var isFolder: ObjCBool = false
            let reason = !FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) ? "no such file"
                : isFolder.boolValue ? "it is a folder" : "permission denied"
            throw .unreadableConfig(file: file, reason: reason)
        }
        return try decode(file: file) { () throws(ParameterError) in try YAMLLoader.load(bytes: Array(data), source: file) }
    }

    /// The configuration from `file`'s YAML; errors are prefixed with the file.
    private static func decode(file: String, yaml: () throws(ParameterError) -> JSONValue?) throws(SchedulingError) -> QuireConfig {
        let document: JSONValue?
        do throws(ParameterError) {
            document = try yaml()
        } catch {
            throw yamlError(error, file: file)
        }
        do throws(SchedulingError) {
            return try decode(document ?? .object([:]))
        } catch {
            throw .inFile(file: file, error: error)
        }
    }

    private static func yamlError(_ error: ParameterError, file: String) -> SchedulingError {
        switch error {
        case .invalidYAML(_, let detail): .invalidYAML(file: file, detail: detail)
        case .unsupportedYAML(_, let detail): .invalidYAML(file: file, detail: "unsupported YAML: \(detail)")
        default: .invalidYAML(file: file, detail: "\(error)")
        }
    }

    /// The configuration from a document already parsed (YAML or JSON).
    static func decode(_ document: JSONValue) throws(SchedulingError) -> QuireConfig {
        let r = try ObjectReader(document, at: "", keys: keys)
        var config = QuireConfig()
        config.host = try nonEmpty(r, "host") ?? config.host
        config.port = try r.int("port", in: 0...65535, expected: "a port number 0-65535") ?? config.port
        config.data = try nonEmpty(r, "data") ?? config.data
        config.store = try nonEmpty(r, "store")
        config.database = try nonEmpty(r, "database")
        config.workers = try r.int("workers", in: 0...Int.max, expected: "an integer ≥ 0")
        if let v = r.value("pool") {
            let p = try ObjectReader(v, at: r.path("pool"), keys: ["size", "idle"])
            config.pool.size = try p.int("size", in: 0...Int.max, expected: "an integer ≥ 0") ?? config.pool.size
            config.pool.idle = try p.seconds("idle", minimum: 0, exclusive: false) ?? config.pool.idle
        }
        if let v = r.value("lease") {
            let l = try ObjectReader(v, at: r.path("lease"), keys: ["duration", "heartbeat"])
            config.lease.duration = try l.seconds("duration", minimum: 0, exclusive: true) ?? config.lease.duration
            config.lease.heartbeat = try l.seconds("heartbeat", minimum: 0, exclusive: true) ?? config.lease.heartbeat
            guard config.lease.heartbeat < config.lease.duration else {
                throw l.fail("heartbeat", expected: "fewer seconds than lease.duration (\(ObjectReader.number(config.lease.duration)))",
                             found: .double(config.lease.heartbeat))
            }
        }
        config.tokens = try decodeTokens(r)
        config.workerLabels = try r.strings("worker_labels") ?? []
        config.workerPoll = try r.seconds("worker_poll", minimum: 0, exclusive: true) ?? config.workerPoll
        config.drainGrace = try r.seconds("drain_grace", minimum: 0, exclusive: false) ?? config.drainGrace
        if let text = try r.string("log_level", expected: logLevels) {
            guard let level = LogLevel(rawValue: text.lowercased()) else { throw r.fail("log_level", expected: logLevels, found: .string(text)) }
            config.logLevel = level
        }
        config.jobs = try decodeJobs(r)
        return config
    }

    static let logLevels = "one of " + LogLevel.allCases.map(\.rawValue).joined(separator: ", ")

    private static func nonEmpty(_ r: ObjectReader, _ key: String) throws(SchedulingError) -> String? {
        guard let s = try r.string(key) else { return nil }
        guard !s.isEmpty else { throw r.fail(key, expected: "a non-empty string", found: .string(s)) }
        return s
    }

    private static func decodeJobs(_ r: ObjectReader) throws(SchedulingError) -> [JobDefinition] {
        guard let v = r.value("jobs") else { return [] }
        guard case .array(let items) = v else { throw r.fail("jobs", expected: "a list of job definitions", found: v) }
        var jobs: [JobDefinition] = []
        var positions: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let job = try JobDefinition.decode(item, at: "jobs[\(i)]")
            if let first = positions[job.name] {
                throw .duplicateJobName(name: job.name, first: "jobs[\(first)]", second: "jobs[\(i)]")
            }
            positions[job.name] = i
            jobs.append(job)
        }
        return jobs
    }

    private static func decodeTokens(_ r: ObjectReader) throws(SchedulingError) -> [AccessToken] {
        guard let v = r.value("tokens") else { return [] }
        guard case .array(let items) = v else { throw r.fail("tokens", expected: "a list of {token, user, admin}", found: v) }
        var tokens: [AccessToken] = []
        for (i, item) in items.enumerated() {
            let path = "tokens[\(i)]"
            let t = try ObjectReader(item, at: path, keys: ["token", "token_env", "user", "admin"], required: ["user"])
            let source: AccessToken.Source
            switch (try nonEmpty(t, "token"), try t.string("token_env")) {
            case (let token?, nil):
                source = .inline(token)
            case (nil, let variable?):
                guard JobNames.isIdentifier(variable) else {
                    throw t.fail("token_env", expected: "the name of an environment variable", found: .string(variable))
                }
                source = .environment(variable)
            case (_?, _?):
                throw .invalidValue(path: path, expected: "either token or token_env", found: "both")
            case (nil, nil):
                throw .missingKey(path: path, key: "token")
            }
            let user = try nonEmpty(t, "user")!
            if let first = tokens.firstIndex(where: { $0.source == source }) {
                throw .duplicateToken(first: "tokens[\(first)]", second: path)
            }
            tokens.append(AccessToken(source: source, user: user, admin: try t.bool("admin") ?? false))
        }
        return tokens
    }
}
