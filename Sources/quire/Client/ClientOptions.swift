import ArgumentParser
import Foundation

/// Where the server is and how to talk to it; shared by every client command.
struct ClientOptions: ParsableArguments {
    @Option(help: "Quire server URL (default: $QUIRE_SERVER or http://127.0.0.1:8080).")
    var server: String?
    @Option(help: "API token (default: $QUIRE_TOKEN).")
    var token: String?
    @Flag(help: "Print JSON (for scripts) instead of tables.")
    var json = false

    var client: APIClient {
        let env = ProcessInfo.processInfo.environment
        return APIClient(server: server ?? env["QUIRE_SERVER"] ?? "http://127.0.0.1:8080", token: token ?? env["QUIRE_TOKEN"])
    }
}

/// Runs a client command body and turns its errors into messages and exit codes.
enum ClientCommand {
    static func run(_ name: String, _ body: () async throws -> Int32) async throws {
        let code: Int32
        do { code = try await body() } catch let e as ClientError {
            Stderr.print("quire \(name): \(e)")
            throw ExitCode(e.exitCode)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
