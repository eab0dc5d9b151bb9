import NotebookFormat

/// What a worker needs to execute a run beyond its notebook and parameters. Stored with the run
/// (as `NewRun.spec`), so it holds names of secrets, never their values: a secret is resolved from
/// the worker's own environment at the moment the run starts.
public struct RunSpec: Sendable, Equatable {
    /// Plain environment variables for the kernel.
    public var env: [String: String] = [:]
    /// Secret parameter → environment variable of the worker process holding its value.
    public var secrets: [String: String] = [:]
    /// Kernel environment variable → environment variable of the worker process holding its value.
    public var secretEnv: [String: String] = [:]
    /// Working directory of the kernel; nil means the notebook's folder for local notebooks.
    public var cwd: String?

    public init(env: [String: String] = [:], secrets: [String: String] = [:], secretEnv: [String: String] = [:], cwd: String? = nil) {
        self.env = env
        self.secrets = secrets
        self.secretEnv = secretEnv
        self.cwd = cwd
    }

    public var jsonValue: JSONValue {
        var o = JSONObject()
        if !env.isEmpty { o["env"] = Self.object(env) }
        if !secrets.isEmpty { o["secrets"] = Self.object(secrets) }
        if !secretEnv.isEmpty { o["secret_env"] = Self.object(secretEnv) }
        if let cwd { o["cwd"] = .string(cwd) }
        return .object(o)
    }

    /// Reads what `jsonValue` wrote; anything else in the field is ignored (it came from the store).
    public init(_ value: JSONValue) {
        env = Self.strings(value["env"])
        secrets = Self.strings(value["secrets"])
        secretEnv = Self.strings(value["secret_env"])
        cwd = value["cwd"]?.stringValue
    }

    private static func object(_ d: [String: String]) -> JSONValue {
        .object(JSONObject(d.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }

    private static func strings(_ v: JSONValue?) -> [String: String] {
        guard let o = v?.objectValue else { return [:] }
        var d: [String: String] = [:]
        for (k, v) in o { if let s = v.stringValue { d[k] = s } }
        return d
    }
}
