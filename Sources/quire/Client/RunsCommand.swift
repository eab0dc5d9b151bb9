import ArgumentParser
import Foundation
import NotebookFormat

/// `quire runs list|show|cancel|rerun|output`.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List, inspect, cancel and rerun runs on a Quire server.",
        subcommands: [List.self, Show.self, Cancel.self, Rerun.self, Output.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Runs, newest first.")
        @Option var job: String?
        @Option(help: "Status filter, e.g. failed or queued,running.") var status: String?
        @Option var tag: String?
        @Option var owner: String?
        @Option(help: "NAME:VALUE — runs whose parameter has this value.") var param: String?
        @Option(help: "Runs per page (1-500).") var limit = 50
        @Option(help: "next_cursor of a previous page.") var cursor: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("runs list") {
                var query: [(String, String)] = [("limit", String(limit))]
                for (k, v) in [("job", job), ("status", status), ("tag", tag), ("owner", owner), ("param", param), ("cursor", cursor)] {
                    if let v { query.append((k, v)) }
                }
                let page = try await connection.client.get("/api/v1/runs?" + Query.encode(query))
                if connection.json { Table.json(page); return 0 }
                let rows = (page["runs"]?.arrayValue ?? []).map { r in
                    [Table.text(r["id"]), Table.text(r["status"]), Table.text(r["job"]), Table.text(r["created"]), Table.text(r["notebook"])]
                }
                Table.print(["ID", "STATUS", "JOB", "CREATED", "NOTEBOOK"], rows)
                if let next = page["next_cursor"]?.stringValue { Stderr.print("more: --cursor \(next)") }
                return 0
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One run, with its transitions.")
        @Argument var id: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("runs show") {
                let r = try await connection.client.get("/api/v1/runs/\(Query.path(id))")
                if connection.json { Table.json(r); return 0 }
                for key in ["id", "status", "job", "notebook", "kernel_resolved", "attempt", "owner", "created", "started", "finished", "output"] {
                    print("\(key.padding(toLength: 16, withPad: " ", startingAt: 0)) \(Table.text(r[key]))")
                }
                print("parameters       \(Table.text(r["parameters"]))")
                if let e = r["error"]?.objectValue {
                    print("error            \(Table.text(e["ename"])): \(Table.text(e["evalue"])) (cell \(Table.text(e["cell"])))")
                }
                for t in r["transitions"]?.arrayValue ?? [] {
                    print("  \(Table.text(t["at"]))  \(Table.text(t["status"]))  attempt \(Table.text(t["attempt"]))")
                }
                return 0
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a queued or running run (the partial output is kept).")
        @Argument var id: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("runs cancel") {
                let r = try await connection.client.post("/api/v1/runs/\(Query.path(id))/cancel")
                if connection.json { Table.json(r) } else { print("\(Table.text(r["id"])) \(Table.text(r["status"]))\(r["cancel_requested"]?.boolValue == true && r["status"]?.stringValue == "running" ? " (cancelling)" : "")") }
                return 0
            }
        }
    }

    struct Rerun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run again with the same parameters, or with -p NAME VALUE overrides.")
        @Argument var id: String
        @OptionGroup var parameters: ParameterOptions
        @Flag(help: "Wait for the new run to finish.") var wait = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("runs rerun") {
                try await RunStart(connection: connection, wait: wait)
                    .post("/api/v1/runs/\(Query.path(id))/rerun", overrides: try ClientParameters.assemble(parameters))
            }
        }
    }

    struct Output: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The output notebook (partial while running) to stdout or a file.")
        @Argument var id: String
        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("runs output") {
                let bytes = try await connection.client.raw("/api/v1/runs/\(Query.path(id))/output")
                if let output {
                    do { try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                        throw ClientError.usage("cannot write \(output): \(error.localizedDescription)")
                    }
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
                return 0
            }
        }
    }
}

enum Query {
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    static func path(_ s: String) -> String { escape(s) }
}
