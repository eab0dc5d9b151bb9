import Foundation
import HTTPTypes
import Hummingbird
import NotebookFormat
import Scheduling

/// `GET /api/v1/runs/{id}/events`: the run's progress as server-sent events (`status`,
/// `cell_started`, `output`, `cell_finished`, `finished`). The stream ends after `finished`.
///
/// With SQLite every worker is in this process and its events come from the hub's memory. With
/// PostgreSQL they may come from any process: the stream replays the run's events from the
/// database, then follows the ones the relay brings (`DatabaseEventStream`).
struct EventRoutes: Sendable {
    let state: ServerState

    func register(on group: RouterGroup<QuireContext>) {
        group.get("runs/:id/events", use: events)
    }

    @Sendable func events(_ request: Request, context: QuireContext) async throws -> Response {
        let raw = try context.parameters.require("id")
        guard let id = RunID(raw), let run = try await state.store.run(id), (context.user ?? .local).mayAccess(owner: run.owner) else {
            throw Problem.notFound("no run '\(raw)'")
        }
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        let hub = state.hub, store = state.store
        if let relay = state.relay {
            // A browser's EventSource reconnecting after a network blip says what it already has.
            let seen = request.headers[Self.lastEventID].flatMap { Int64($0) } ?? 0
            let stream = DatabaseEventStream(run: run, store: store, hub: hub, relay: relay, after: max(0, seen))
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await stream.write { try await writer.write(Self.frame($0)) }
                try await writer.finish(nil)
            })
        }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(Self.frame(RunEvent(run: raw, kind: .status(run.status.rawValue))))
            if run.status.isFinal {
                try await writer.write(Self.frame(RunEvent(run: raw, kind: .finished(status: run.status.rawValue))))
                try await writer.finish(nil)
                return
            }
            let (past, stream, subscription) = await hub.subscribe(raw)
            // The hub only hears this process's workers; a poll of the store notices runs that end
            // elsewhere (or ended between the lookup above and the subscription).
            let watcher = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    if let now = try? await store.run(id), now.status.isFinal {
                        await hub.publish(RunEvent(run: raw, kind: .finished(status: now.status.rawValue)))
                        return
                    }
                }
            }
            defer { watcher.cancel() }
            for event in past { try await writer.write(Self.frame(event)) }
            if past.contains(where: { if case .finished = $0.kind { true } else { false } }) {
                await hub.unsubscribe(raw, id: subscription)
                try await writer.finish(nil)
                return
            }
            for await event in stream {
                do { try await writer.write(Self.frame(event)) } catch {
                    await hub.unsubscribe(raw, id: subscription)
                    throw error
                }
                if case .finished = event.kind { break }
            }
            await hub.unsubscribe(raw, id: subscription)
            try await writer.finish(nil)
        })
    }

    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    /// One SSE frame; events that went through the database carry their sequence as the SSE `id`.
    static func frame(_ event: RunEvent) -> ByteBuffer {
        var text = event.sequence.map { "id: \($0)\n" } ?? ""
        text += "event: \(event.name)\n"
        text += "data: " + String(decoding: event.data.serialized(), as: UTF8.self) + "\n\n"
        return ByteBuffer(string: text)
    }
}
