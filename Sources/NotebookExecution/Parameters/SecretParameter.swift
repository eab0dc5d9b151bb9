/// A `--secret NAME=ENVVAR` argument: parameter `NAME` takes the value of `ENVVAR` in the kernel's
/// environment, so the value itself never passes through the notebook.
public struct SecretParameter: Sendable, Equatable {
    public var name: String
    public var environmentVariable: String

    public init(name: String, environmentVariable: String) {
        self.name = name
        self.environmentVariable = environmentVariable
    }

    /// Parses `NAME=ENVVAR`. The variable name is written into code for every language, so it must
    /// be a plain identifier (`[A-Za-z_][A-Za-z0-9_]*`): anything else could inject code.
    public init(parsing argument: String) throws(ParameterError) {
        guard let eq = argument.firstIndex(of: "=") else {
            throw .invalidSecret(argument: argument, reason: "expected NAME=ENVVAR (the parameter and the environment variable holding its value)")
        }
        let name = String(argument[..<eq])
        let variable = String(argument[argument.index(after: eq)...])
        guard !name.isEmpty else { throw .invalidSecret(argument: argument, reason: "the parameter name is empty") }
        guard Self.isIdentifier(variable) else {
            throw .invalidSecret(argument: argument, reason: "'\(variable)' is not an environment variable name (letters, digits and _, not starting with a digit)")
        }
        self.init(name: name, environmentVariable: variable)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return s.utf8.allSatisfy { b in
            b == 0x5F || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
    }
}
