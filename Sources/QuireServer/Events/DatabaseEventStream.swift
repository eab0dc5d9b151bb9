import Foundation
import Scheduling

/// The live events of one run for one viewer when events go through the database: the run's
/// current status, the events stored so far, then the new ones the relay publishes to the hub,
/// each once and in order (by sequence), until `finished`. Events up to `after` (the SSE
/// `Last-Event-ID` of a reconnecting viewer) are not sent again.
struct DatabaseEventStream: Sendable {
    let run: RunRecord
    let store: any SchedulingStore
    let hub: RunEventHub
    let relay: StoreEventRelay
    var after: Int64 = 0

    /// How long a run may be final in the database without its `finished` event arriving before the
    /// stream ends with a `finished` of its own: the worker writes its events in batches after the
    /// status, and a worker that died (lease expired, reaped elsewhere) writes none.
    static let finishGrace: Duration = .seconds(3)
    static let statusPoll: Duration = .seconds(1)
    /// Seconds after its end when a run's events are all in the table, however slow the write
    /// (`StoreEventSink` gives up on a write after 10 s); a viewer arriving sooner follows the tail.
    static let settled: TimeInterval = 15

    func write(_ send: (RunEvent) async throws -> Void) async throws {
        let raw = run.id.rawValue
        try await send(RunEvent(run: raw, kind: .status(run.status.rawValue)))
        // Subscribed before reading the past, so that nothing falls between the two; what is in
        // both is skipped by sequence.
        let (_, live, subscription) = await hub.subscribe(raw)
        defer { Task { [hub] in await hub.unsubscribe(raw, id: subscription) } }
        var last = after
        while true {
            let page = try await store.events(of: run.id, after: last, limit: 500)
            for event in page {
                try await send(event)
                if case .finished = event.kind { return }
            }
            last = page.last?.sequence ?? last
            if page.count < 500 { break }
        }
        if run.status.isFinal, run.finished.map({ Date().timeIntervalSince($0) > Self.settled }) ?? true {
            // Ended well before this request: its events were pruned, or never written (a lost worker).
            try await send(RunEvent(run: raw, kind: .finished(status: run.status.rawValue)))
            return
        }
        await relay.watch(run.id, after: last)
        let watcher = Task { [store, hub, relay, run] in
            var sawFinal: ContinuousClock.Instant?
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.statusPoll)
                guard let now = try? await store.run(run.id), now.status.isFinal else { continue }
                if let since = sawFinal {
                    guard ContinuousClock.now - since >= Self.finishGrace else { continue }
                    await relay.catchUp(run.id)
                    await hub.publish(RunEvent(run: raw, kind: .finished(status: now.status.rawValue)))
                    return
                }
                sawFinal = .now
                await relay.catchUp(run.id)
            }
        }
        defer {
            watcher.cancel()
            Task { [relay] in await relay.unwatch(run.id) }
        }
        for await event in live {
            if let sequence = event.sequence {
                guard sequence > last else { continue }
                last = sequence
            }
            try await send(event)
            if case .finished = event.kind { return }
        }
    }
}
