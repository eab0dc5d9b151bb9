extension QuireConfig {
    /// This configuration with `QUIRE_*` environment variables applied: `QUIRE_HOST`, `QUIRE_PORT`,
    /// `QUIRE_DATA`, `QUIRE_STORE`, `QUIRE_DATABASE_URL`, `QUIRE_WORKERS`, `QUIRE_WORKER_POLL`, `QUIRE_DRAIN_GRACE`,
    /// `QUIRE_POOL_SIZE`,
    /// `QUIRE_LOG_LEVEL`, and `QUIRE_TOKEN`, which adds one admin token for the user "admin" to
    /// those of the file (so a container can be given a token without a file). A variable set to
    /// a value the server cannot use (also an empty one) is an error naming it.
    public func overriding(environment: [String: String]) throws(SchedulingError) -> QuireConfig {
        var config = self
        func text(_ variable: String) throws(SchedulingError) -> String? {
            guard let value = environment[variable] else { return nil }
            guard !value.isEmpty else { throw .invalidEnvironment(variable: variable, value: value, expected: "a non-empty value") }
            return value
        }
        func integer(_ variable: String, in range: ClosedRange<Int>, expected: String) throws(SchedulingError) -> Int? {
            guard let value = try text(variable) else { return nil }
            guard let n = Int(value), range.contains(n) else {
                throw .invalidEnvironment(variable: variable, value: value, expected: expected)
            }
            return n
        }
        config.host = try text("QUIRE_HOST") ?? config.host
        config.port = try integer("QUIRE_PORT", in: 0...65535, expected: "a port number 0-65535") ?? config.port
        config.data = try text("QUIRE_DATA") ?? config.data
        config.store = try text("QUIRE_STORE") ?? config.store
        config.database = try text("QUIRE_DATABASE_URL") ?? config.database
        config.workers = try integer("QUIRE_WORKERS", in: 0...Int.max, expected: "an integer ≥ 0") ?? config.workers
        if let value = try text("QUIRE_WORKER_POLL") {
            guard let seconds = Double(value), seconds.isFinite, seconds > 0 else {
                throw .invalidEnvironment(variable: "QUIRE_WORKER_POLL", value: value, expected: "a number of seconds > 0")
            }
            config.workerPoll = seconds
        }
        if let value = try text("QUIRE_DRAIN_GRACE") {
            guard let seconds = Double(value), seconds.isFinite, seconds >= 0 else {
                throw .invalidEnvironment(variable: "QUIRE_DRAIN_GRACE", value: value, expected: "a number of seconds ≥ 0")
            }
            config.drainGrace = seconds
        }
        config.pool.size = try integer("QUIRE_POOL_SIZE", in: 0...Int.max, expected: "an integer ≥ 0") ?? config.pool.size
        if let value = try text("QUIRE_LOG_LEVEL") {
            guard let level = LogLevel(rawValue: value.lowercased()) else {
                throw .invalidEnvironment(variable: "QUIRE_LOG_LEVEL", value: value, expected: Self.logLevels)
            }
            config.logLevel = level
        }
        if let token = try text("QUIRE_TOKEN"), !config.tokens.contains(where: { $0.source == .inline(token) }) {
            config.tokens.append(AccessToken(source: .inline(token), user: "admin", admin: true))
        }
        return config
    }

    /// Token value → token, with `token_env` variables read from `environment`.
    public func tokenTable(environment: [String: String]) throws(SchedulingError) -> [String: AccessToken] {
        var table: [String: AccessToken] = [:]
        var positions: [String: Int] = [:]
        for (i, token) in tokens.enumerated() {
            let value = try token.value(environment: environment, path: "tokens[\(i)]")
            if let first = positions[value] { throw .duplicateToken(first: "tokens[\(first)]", second: "tokens[\(i)]") }
            positions[value] = i
            table[value] = token
        }
        return table
    }
}
