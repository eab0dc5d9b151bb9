import Foundation
import NotebookFormat

/// Follows a run's live events until it ends, printing progress on stderr, and maps its final
/// status to an exit code.
struct RunWaiter {
    let client: APIClient
    let json: Bool

    func wait(for id: String) async throws(ClientError) -> Int32 {
        Stderr.print("run \(id) queued")
        try await client.events(run: id) { event, data in
            switch event {
            case "cell_started":
                Stderr.print("  cell \((data["cell"]?.intValue ?? 0) + 1)/\(Table.text(data["total"])) started")
            case "status":
                Stderr.print("run \(id): \(Table.text(data["status"]))")
            default:
                break
            }
        }
        let run = try await client.get("/api/v1/runs/\(id)")
        if json { Table.json(run) } else {
            Stderr.print("run \(id) \(Table.text(run["status"]))" + (run["error"]?.objectValue.map { " — \(Table.text($0["ename"])): \(Table.text($0["evalue"]))" } ?? ""))
            print(Table.text(run["output"]))
        }
        return Self.exitCode(status: run["status"]?.stringValue ?? "", error: run["error"]?["ename"]?.stringValue)
    }

    /// The same meanings as `quire run`'s exit codes.
    static func exitCode(status: String, error ename: String?) -> Int32 {
        switch status {
        case "succeeded": return 0
        case "cancelled": return 130
        case "timed_out": return 1
        case "failed":
            switch ename {
            case "NotebookNotFound", "InvalidNotebook", "KernelNotFound", "ParameterError", "SecretNotSet": return 2
            case "KernelStartError", "StorageError", "WorkerLost", "WorkerStopped", "DeadKernelError", "QuireError": return 3
            default: return 1
            }
        default: return 3
        }
    }
}
