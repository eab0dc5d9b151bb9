import ArgumentParser
import Foundation
import NotebookFormat

/// `quire jobs list|show|add|pause|resume|trigger`.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Manage scheduled jobs on a Quire server.",
        subcommands: [List.self, Show.self, Add.self, Pause.self, Resume.self, Trigger.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Jobs with their schedule, next fire time and last run.")
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("jobs list") {
                let reply = try await connection.client.get("/api/v1/jobs")
                if connection.json { Table.json(reply); return 0 }
                let rows = (reply["jobs"]?.arrayValue ?? []).map { j in
                    [Table.text(j["name"]), j["active"]?.boolValue == true ? "active" : "paused", Table.text(j["definition"]?["schedule"]),
                     Table.text(j["next_fire"]), Table.text(j["last_run"]?["status"]), Table.text(j["source"])]
                }
                Table.print(["NAME", "STATE", "SCHEDULE", "NEXT FIRE", "LAST RUN", "SOURCE"], rows)
                return 0
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One job's definition and state.")
        @Argument var name: String
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("jobs show") {
                let j = try await connection.client.get("/api/v1/jobs/\(Query.path(name))")
                if connection.json { Table.json(j); return 0 }
                for key in ["name", "source", "active", "owner", "schedule_summary", "next_fire"] {
                    print("\(key.padding(toLength: 17, withPad: " ", startingAt: 0)) \(Table.text(j[key]))")
                }
                print("last run          \(Table.text(j["last_run"]?["id"])) \(Table.text(j["last_run"]?["status"]))")
                print("definition        \(Table.text(j["definition"]))")
                return 0
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Define a job from a YAML or JSON file holding one job definition.")
        @Argument(help: "File with the job (the same fields as a job in quire.yaml).") var file: String
        @Flag(help: "Replace the job if it exists (PUT) instead of failing.") var replace = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("jobs add") {
                let definition = try JobFile.load(file)
                let reply: JSONValue
                if replace, let name = definition["name"]?.stringValue {
                    reply = try await connection.client.put("/api/v1/jobs/\(Query.path(name))", definition)
                } else {
                    reply = try await connection.client.post("/api/v1/jobs", definition)
                }
                if connection.json { Table.json(reply) } else { print("job \(Table.text(reply["name"])) saved; next fire \(Table.text(reply["next_fire"]))") }
                return 0
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop firing a job's schedule.")
        @Argument var name: String
        @OptionGroup var connection: ClientOptions
        func run() async throws { try await JobsCommand.toggle(name, "pause", connection) }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fire a paused job's schedule again.")
        @Argument var name: String
        @OptionGroup var connection: ClientOptions
        func run() async throws { try await JobsCommand.toggle(name, "resume", connection) }
    }

    struct Trigger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a job now, optionally with -p NAME VALUE overrides.")
        @Argument var name: String
        @OptionGroup var parameters: ParameterOptions
        @Flag(help: "Wait for the run to finish.") var wait = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            try await ClientCommand.run("jobs trigger") {
                try await RunStart(connection: connection, wait: wait)
                    .post("/api/v1/jobs/\(Query.path(name))/trigger", overrides: try ClientParameters.assemble(parameters))
            }
        }
    }

    static func toggle(_ name: String, _ action: String, _ connection: ClientOptions) async throws {
        try await ClientCommand.run("jobs \(action)") {
            let j = try await connection.client.post("/api/v1/jobs/\(Query.path(name))/\(action)")
            if connection.json { Table.json(j) } else { print("job \(name) \(j["active"]?.boolValue == true ? "active" : "paused")") }
            return 0
        }
    }
}
