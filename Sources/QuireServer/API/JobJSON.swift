import Foundation
import NotebookFormat
import Scheduling

/// The job object of the API (see openapi.yaml `Job`).
enum JobJSON {
    static func decode(_ body: JSONObject) throws -> JobDefinition {
        do { return try JobDefinition.decode(.object(body)) } catch { throw Problem.from(error) }
    }

    static func definition(of stored: StoredJob) throws -> JobDefinition {
        do { return try JobDefinition.decode(stored.definition) } catch {
            throw Problem(status: .internalServerError, title: "Stored job is invalid", detail: "job '\(stored.name)': \(error)")
        }
    }

    static func encode(_ stored: StoredJob, store: any SchedulingStore, now: Date = Date()) async throws -> JSONValue {
        let job = try? JobDefinition.decode(stored.definition)
        var filter = RunFilter()
        filter.job = stored.name
        let last = try await store.listRuns(filter, limit: 1, cursor: nil).runs.first
        var effective = job
        effective?.active = stored.active
        return [
            "name": .string(stored.name),
            "definition": stored.definition,
            "source": .string(stored.source),
            "active": .bool(stored.active),
            "owner": stored.owner.map(JSONValue.string) ?? .null,
            "schedule_summary": job?.schedule.map { .string($0.summary()) } ?? .null,
            "next_fire": RunJSON.time(effective.flatMap { Scheduler.nextFire(of: $0, after: now) }),
            "last_run": last.map { r in
                ["id": .string(r.id.rawValue), "status": .string(r.status.rawValue), "finished": RunJSON.time(r.finished)]
            } ?? .null,
            "created": .string(ISOTime.format(stored.created)),
            "updated": .string(ISOTime.format(stored.updated)),
        ]
    }
}

extension Problem {
    /// A job-definition error as a 400 pointing at the field (`retries.max_attempts`).
    static func from(_ error: SchedulingError) -> Problem {
        .badRequest(error.description, field: error.fieldPath)
    }
}
