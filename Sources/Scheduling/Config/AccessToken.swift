/// An API bearer token and the user it authenticates.
public struct AccessToken: Sendable, Equatable {
    /// Where the token's value comes from.
    public enum Source: Sendable, Equatable {
        /// Written in the configuration file (`token:`).
        case inline(String)
        /// Read from an environment variable of the server when it starts (`token_env:`), so the
        /// file can be committed without the secret.
        case environment(String)
    }

    public var source: Source
    public var user: String
    public var admin: Bool

    public init(source: Source, user: String, admin: Bool = false) {
        self.source = source
        self.user = user
        self.admin = admin
    }

    /// The token's value; `path` names the entry in errors (`tokens[1]`).
    public func value(environment: [String: String], path: String) throws(SchedulingError) -> String {
        switch source {
        case .inline(let token):
            return token
        case .environment(let variable):
            guard let token = environment[variable], !token.isEmpty else {
                throw .environmentVariableNotSet(path: ObjectReader.join(path, "token_env"), variable: variable)
            }
            return token
        }
    }
}
