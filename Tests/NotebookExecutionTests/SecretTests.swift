import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// `--secret NAME=ENVVAR`: code reads the variable in the kernel; the value is never in the notebook.
@Suite struct SecretTests {
    static let value = "s3cr3t-\(UUID().uuidString)"
    static let environment = ["DB_PASSWORD": value, "OTHER": "x"]

    static func assemble(_ secrets: [String], values: [ParameterSources.Pair] = []) throws -> ParameterSet {
        try ParameterAssembler(environment: environment)
            .assemble(ParameterSources(values: values, secrets: secrets)).parameters
    }

    static func injected(_ params: ParameterSet, kernel: (name: String, language: String)) throws -> (source: String, notebook: Notebook) {
        let nb = makeNotebook(kernel: kernel, cells: [("password = None\n", ["parameters"])])
        let result = try ParameterInjector.parameterize(nb, with: params, options: InjectionOptions(inputPath: "i", outputPath: "o", version: "v"))
        return (result.notebook.cells[1].source, result.notebook)
    }

    @Test func everyLanguageReadsTheEnvironment() throws {
        let params = try Self.assemble(["password=DB_PASSWORD"], values: [.init("n", "3")])
        let expected: [(kernel: (String, String), lines: [String])] = [
            (("python3", "python"), ["# Parameters", "import os", "n = 3", "password = os.environ[\"DB_PASSWORD\"]"]),
            (("ir", "R"), ["# Parameters", "n = 3", "password = Sys.getenv(\"DB_PASSWORD\")"]),
            (("bash", "bash"), ["# Parameters", "n=3", "password=\"$DB_PASSWORD\""]),
            (("julia-1.9", "julia"), ["# Parameters", "n = 3", "password = ENV[\"DB_PASSWORD\"]"]),
            (("spylon-kernel", "scala"), ["// Parameters", "val n = 3", "val password = sys.env(\"DB_PASSWORD\")"]),
            ((".net-powershell", "PowerShell"), ["# Parameters", "$n = 3", "$password = $env:DB_PASSWORD"]),
            ((".net-csharp", "C#"), ["// Parameters", "var n = 3;", "var password = Environment.GetEnvironmentVariable(\"DB_PASSWORD\");"]),
            ((".net-fsharp", "F#"), ["(* Parameters *)", "let n = 3", "let password = System.Environment.GetEnvironmentVariable \"DB_PASSWORD\""]),
            (("matlab", "matlab"), ["% Parameters", "n = 3;", "password = getenv('DB_PASSWORD');"]),
        ]
        for (kernel, lines) in expected {
            let (source, notebook) = try Self.injected(params, kernel: kernel)
            #expect(source == lines.joined(separator: "\n") + "\n", "\(kernel)")
            let bytes = notebook.serialized()
            #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.value), "\(kernel) leaked the value")
            #expect(notebook.metadata["papermill"]!["parameters"]!["password"] == "<secret:DB_PASSWORD>")
        }
    }

    /// The serialized output notebook holds the variable's name, never its value.
    @Test func valueNeverInTheNotebook() throws {
        let params = try Self.assemble(["token=DB_PASSWORD", "_hidden=OTHER"])
        let (_, notebook) = try Self.injected(params, kernel: ("python3", "python"))
        let text = String(decoding: notebook.serialized(), as: UTF8.self)
        #expect(!text.contains(Self.value))
        #expect(text.contains("<secret:DB_PASSWORD>"))
        #expect(text.contains("token = os.environ[\\\"DB_PASSWORD\\\"]"))
    }

    /// A later `--secret` replaces a plain value in place; a parameter named `os` keeps `import os`
    /// from being shadowed by using `__import__` instead.
    @Test func secretsOverrideAndAvoidShadowing() throws {
        let params = try Self.assemble(["os=DB_PASSWORD"], values: [.init("os", "linux"), .init("a", "1")])
        #expect(params.names == ["os", "a"])
        let (source, _) = try Self.injected(params, kernel: ("python3", "python"))
        #expect(source == "# Parameters\nos = __import__(\"os\").environ[\"DB_PASSWORD\"]\na = 1\n")
    }

    @Test func badSecretsAreRefused() throws {
        #expect(throws: ParameterError.invalidSecret(argument: "password", reason: "expected NAME=ENVVAR (the parameter and the environment variable holding its value)")) {
            try Self.assemble(["password"])
        }
        #expect(throws: ParameterError.invalidSecret(argument: "p=$(rm -rf ~)", reason: "'$(rm -rf ~)' is not an environment variable name (letters, digits and _, not starting with a digit)")) {
            try Self.assemble(["p=$(rm -rf ~)"])
        }
        #expect(throws: ParameterError.invalidSecret(argument: "=X", reason: "the parameter name is empty")) {
            try Self.assemble(["=X"])
        }
        #expect(throws: ParameterError.secretNotSet(parameter: "p", variable: "NOT_SET_ANYWHERE")) {
            try Self.assemble(["p=NOT_SET_ANYWHERE"])
        }
        #expect(ParameterError.secretNotSet(parameter: "p", variable: "NOT_SET").description
            == "--secret p=NOT_SET: the environment variable NOT_SET is not set")
    }
}
