import Foundation
import Scheduling
import Testing

/// Events appended by another process reach this one's sink, for watched runs only, each once
/// and in order. The relay's poll is set far beyond the test's bound: only NOTIFY can bring them.
@Suite struct StoreEventRelayTests {
    @Test func eventsOfAWatchedRunArriveOnNotification() async throws {
        try await withFixture(.postgres) { fixture in
            let worker = try await fixture.connect()
            let viewer = try await fixture.connect()
            let watchedRun = try await worker.createRun(sampleRun(), now: t0).run
            let otherRun = try await worker.createRun(sampleRun(), now: at(1)).run
            let trace = EventsConformanceTests.trace(watchedRun.id)
            // Written before anyone watched: a viewer reads these from the table, then follows.
            let early = try await worker.appendEvents(Array(trace.prefix(2)))

            let collector = EventCollector()
            let relay = StoreEventRelay(store: viewer, into: collector, pollInterval: .seconds(600))
            await relay.start()
            await relay.watch(watchedRun.id, after: early.last!.sequence!)
            await relay.watch(watchedRun.id, after: 0)  // a second viewer of the same run

            let late = try await worker.appendEvents(Array(trace[2...3]) + EventsConformanceTests.trace(otherRun.id))
            let lateOfWatched = late.filter { $0.run == watchedRun.id.rawValue }
            #expect(await collector.waitFor(2) == lateOfWatched)
            let last = try await worker.appendEvents(Array(trace[4...]))
            #expect(await collector.waitFor(4) == lateOfWatched + last, "nothing of the unwatched run, nothing twice")

            await relay.unwatch(watchedRun.id)
            #expect(await relay.watchedRuns == [watchedRun.id], "one viewer is left")
            await relay.unwatch(watchedRun.id)
            #expect(await relay.watchedRuns.isEmpty)
            await relay.stop()
        }
    }

    /// Without notifications (SQLite) the poll brings them.
    @Test func thePollBringsEventsWhereNothingNotifies() async throws {
        try await withStore(.sqliteFile) { store, _ in
            let run = try await store.createRun(sampleRun(), now: t0).run
            let collector = EventCollector()
            let relay = StoreEventRelay(store: store, into: collector, pollInterval: .milliseconds(100))
            await relay.start()
            await relay.watch(run.id, after: 0)
            let stored = try await store.appendEvents(EventsConformanceTests.trace(run.id))
            #expect(await collector.waitFor(6) == stored)
            await relay.stop()
        }
    }

    @Test func theRelayPrunesEventsOfRunsThatEndedLongAgo() async throws {
        try await withStore(.sqliteFile) { store, _ in
            // The relay prunes by the real clock: a run that ended two hours ago.
            let twoHoursAgo = Date().addingTimeInterval(-7200)
            let old = try await runningRun(store, now: twoHoursAgo)
            _ = try await store.finish(old.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: twoHoursAgo)
            let recent = try await runningRun(store, now: Date())
            _ = try await store.finish(recent.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: Date())
            _ = try await store.appendEvents(EventsConformanceTests.trace(recent.id))
            _ = try await store.appendEvents(EventsConformanceTests.trace(old.id))
            let relay = StoreEventRelay(store: store, into: EventCollector(), pollInterval: .milliseconds(50), retention: 60)
            await relay.start()
            let deadline = ContinuousClock.now + .seconds(60)
            while try await !store.events(of: old.id, after: 0, limit: 10).isEmpty && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await store.events(of: old.id, after: 0, limit: 10).isEmpty)
            #expect(try await store.events(of: recent.id, after: 0, limit: 10).count == 6, "kept for the retention period")
            await relay.stop()
        }
    }
}
