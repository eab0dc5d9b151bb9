import NotebookFormat

/// Starts a run with optional parameter overrides (`runs rerun`, `jobs trigger`), then prints its
/// id or, with --wait, follows it to the end and returns its exit code.
struct RunStart {
    let connection: ClientOptions
    let wait: Bool

    func post(_ path: String, overrides: JSONObject) async throws(ClientError) -> Int32 {
        let body: JSONValue = overrides.isEmpty ? .object(JSONObject()) : ["parameters": .object(overrides)]
        let run = try await connection.client.post(path, body)
        guard wait else {
            if connection.json { Table.json(run) } else { print(Table.text(run["id"])) }
            return 0
        }
        return try await RunWaiter(client: connection.client, json: connection.json).wait(for: Table.text(run["id"]))
    }
}
