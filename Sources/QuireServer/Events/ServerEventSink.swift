import Foundation
import Scheduling

/// What the embedded workers report to: where live events go (the hub, or the database that
/// every replica relays from), plus the duration histogram when a run ends.
struct ServerEventSink: RunEventSink {
    let forward: any RunEventSink
    let metrics: ServerMetrics
    let store: any SchedulingStore

    func publish(_ event: RunEvent) async {
        await forward.publish(event)
        if case .finished = event.kind, let id = RunID(event.run), let run = try? await store.run(id),
           let started = run.started, let finished = run.finished {
            metrics.observe(duration: finished.timeIntervalSince(started))
        }
    }
}
