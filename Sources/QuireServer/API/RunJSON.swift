import Foundation
import NotebookFormat
import Scheduling

/// The run object of the API (see openapi.yaml `Run`).
enum RunJSON {
    static func encode(_ r: RunRecord, transitions: [RunTransition]? = nil) -> JSONValue {
        var o: JSONObject = [
            "id": .string(r.id.rawValue),
            "status": .string(r.status.rawValue),
            "job": r.job.map(JSONValue.string) ?? .null,
            "notebook": .string(r.notebook),
            "parameters": r.parameters,
            "secret_parameters": .array(r.secretNames.map(JSONValue.string)),
            "kernel": r.kernel.map(JSONValue.string) ?? .null,
            "kernel_resolved": r.kernelResolved.map(JSONValue.string) ?? .null,
            "tags": .array(r.tags.map(JSONValue.string)),
            "owner": r.owner.map(JSONValue.string) ?? .null,
            "attempt": .int(r.attempt),
            "max_attempts": .int(r.maxAttempts),
            "timeout": r.timeout.map(JSONValue.double) ?? .null,
            "created": time(r.created),
            "started": time(r.started),
            "finished": time(r.finished),
            "scheduled_for": time(r.scheduledFor),
            "not_before": time(r.notBefore),
            "worker": r.worker.map(JSONValue.string) ?? .null,
            "cancel_requested": .bool(r.cancelRequested),
            "input_sha256": r.inputSHA256.map(JSONValue.string) ?? .null,
            "input_snapshot": r.inputSnapshot.map(JSONValue.string) ?? .null,
            "output": r.output.map(JSONValue.string) ?? .null,
            "rerun_of": r.rerunOf.map { .string($0.rawValue) } ?? .null,
            "error": r.error.map(error) ?? .null,
        ]
        if let transitions { o["transitions"] = .array(transitions.map(transition)) }
        return .object(o)
    }

    static func error(_ e: RunErrorSummary) -> JSONValue {
        ["ename": .string(e.ename), "evalue": .string(e.evalue), "cell": e.cell.map(JSONValue.int) ?? .null]
    }

    static func transition(_ t: RunTransition) -> JSONValue {
        ["status": .string(t.status.rawValue), "at": .string(ISOTime.format(t.at)), "attempt": .int(t.attempt),
         "worker": t.worker.map(JSONValue.string) ?? .null, "note": t.note.map(JSONValue.string) ?? .null]
    }

    static func time(_ d: Date?) -> JSONValue { d.map { .string(ISOTime.format($0)) } ?? .null }
}
