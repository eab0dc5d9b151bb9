import ArgumentParser
import Foundation
import NotebookExecution
import NotebookFormat

/// `quire submit NOTEBOOK -p k v … [--wait]`: queue an ad-hoc run on a Quire server.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a notebook run to a Quire server.",
        discussion: """
            NOTEBOOK is a path or store URL as the server sees it. Parameters are typed as for \
            `quire run`. With --wait, progress is printed and the exit code mirrors the run: 0 \
            succeeded, 1 failed or timed out, 2 bad input, 3 infrastructure failure, 130 cancelled.
            """)

    @Argument(help: "Notebook path or URL, as the server reads it.")
    var notebook: String
    @OptionGroup var parameters: ParameterOptions
    @Option(help: "Kernel to use instead of the notebook's.")
    var kernel: String?
    @Option(help: "Seconds the whole run may take.")
    var timeout: Double?
    @Option(help: "A tag for the run (repeatable).")
    var tag: [String] = []
    @Option(help: "Idempotency key: submitting again with the same key returns the first run.")
    var idempotencyKey: String?
    @Flag(help: "Wait for the run to finish, printing its progress.")
    var wait = false
    @OptionGroup var connection: ClientOptions

    func run() async throws {
        try await ClientCommand.run("submit") {
            var body: JSONObject = ["notebook": .string(notebook), "parameters": .object(try ClientParameters.assemble(parameters))]
            if let kernel { body["kernel"] = .string(kernel) }
            if let timeout { body["timeout"] = .double(timeout) }
            if !tag.isEmpty { body["tags"] = .array(tag.map(JSONValue.string)) }
            let run = try await connection.client.post("/api/v1/runs", .object(body),
                                                      headers: idempotencyKey.map { [("Idempotency-Key", $0)] } ?? [])
            guard wait else {
                if connection.json { Table.json(run) } else { print(Table.text(run["id"])) }
                return 0
            }
            return try await RunWaiter(client: connection.client, json: connection.json).wait(for: Table.text(run["id"]))
        }
    }
}

/// `-p`/`-r`/`-f`/`-y`/`-b` turned into the JSON parameters of a request, typed as `quire run` types them.
enum ClientParameters {
    static func assemble(_ options: ParameterOptions) throws(ClientError) -> JSONObject {
        guard options.secrets.isEmpty else {
            throw .usage("--secret is for `quire run`; a server run's secrets are declared in its job (secrets:)")
        }
        let pending = options.sources(values: ParameterPairs.extracted.values, raw: ParameterPairs.extracted.raw)
        do {
            return try ParameterAssembler().assemble(pending.resolved(input: "", output: "")).parameters.metadataValue
        } catch {
            throw .usage(error.description)
        }
    }
}
