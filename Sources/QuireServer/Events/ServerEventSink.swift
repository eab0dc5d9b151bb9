import Foundation
import Scheduling

/// What the embedded workers report to: the live hub, plus the duration histogram when a run ends.
struct ServerEventSink: RunEventSink {
    let hub: RunEventHub
    let metrics: ServerMetrics
    let store: any SchedulingStore

    func publish(_ event: RunEvent) async {
        await hub.publish(event)
        if case .finished = event.kind, let id = RunID(event.run), let run = try? await store.run(id),
           let started = run.started, let finished = run.finished {
            metrics.observe(duration: finished.timeIntervalSince(started))
        }
    }
}
