import Foundation
import NotebookFormat
import QuireTestSupport
import Scheduling
import Testing

/// PostgreSQL tells listening processes when a run becomes claimable (channel `quire_queue`) and
/// when events are appended (`quire_events`, payload the run id); `StoreWakeups` turns the first
/// into worker wake-ups, reconnecting when the server goes away.
@Suite struct PostgresNotifyTests {
    /// Every change that makes a run claimable notifies, in its own transaction; the others do
    /// not. A marker NOTIFY sent by the test after a change that must stay silent has to be the
    /// next thing heard (no waiting for a silence that proves nothing).
    @Test func everyChangeThatQueuesARunNotifiesAndNothingElse() async throws {
        try await withStore(.postgres) { store, fixture in
            let pg = try #require(fixture as? PostgresFixture)
            let probe = try await NotificationProbe.start(url: pg.url, channel: "quire_queue")
            defer { Task { await probe.close() } }
            var markers = 0
            func expectSilence(_ what: Comment) async throws {
                markers += 1
                try await pg.execute("NOTIFY quire_queue, 'marker-\(markers)'")
                #expect(await probe.next() == "marker-\(markers)", what)
            }
            func expectNotified(_ what: Comment) async {
                #expect(await probe.next() == "", what)
            }

            let keyed = try await store.createRun(sampleRun(maxAttempts: 2, idempotencyKey: "k"), now: t0).run
            await expectNotified("created")
            _ = try await store.createRun(sampleRun(idempotencyKey: "k"), now: t0)
            try await expectSilence("the same idempotency key again")
            let claimed = try #require(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(1)))
            #expect(claimed.id == keyed.id)
            try await expectSilence("claimed")
            _ = try await store.finish(claimed.id, worker: "w1", outcome: .failed(RunErrorSummary(ename: "E", evalue: "")),
                                       output: nil, retryAt: at(30), now: at(2))
            await expectNotified("requeued for a retry")
            _ = try await store.claim(worker: "w1", labels: [], lease: 60, now: at(30))
            _ = try await store.finish(claimed.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(31))
            try await expectSilence("claimed again and succeeded")

            #expect(try await store.fireSlot(sampleRun(job: "nightly", scheduledFor: at(60)), now: at(60)) != nil)
            await expectNotified("a slot fired")
            #expect(try await store.fireSlot(sampleRun(job: "nightly", scheduledFor: at(60)), now: at(61)) == nil)
            try await expectSilence("the same slot again")

            let lost = try #require(try await store.claim(worker: "w2", labels: [], lease: 10, now: at(62)))
            _ = try await store.expireLeases(now: at(80), retryAt: { _ in at(80) })
            await expectNotified("lease expired, requeued")
            _ = try await store.claim(worker: "w3", labels: [], lease: 60, now: at(81))
            #expect(try await store.reconcileAfterRestart(worker: "w3", now: at(82), retryAt: { _ in at(82) }).map(\.id) == [lost.id])
            await expectNotified("left by a restarted worker, requeued")
            _ = try await store.requestCancel(lost.id, now: at(83))
            try await expectSilence("a queued run cancelled")
        }
    }

    @Test func appendedEventsNotifyOncePerRunAndBatch() async throws {
        try await withStore(.postgres) { store, fixture in
            let pg = try #require(fixture as? PostgresFixture)
            let probe = try await NotificationProbe.start(url: pg.url, channel: "quire_events")
            defer { Task { await probe.close() } }
            let a = try await store.createRun(sampleRun(), now: t0).run
            let b = try await store.createRun(sampleRun(), now: at(1)).run
            _ = try await store.appendEvents(EventsConformanceTests.trace(a.id) + EventsConformanceTests.trace(b.id))
            let heard = [await probe.next(), await probe.next()]
            #expect(Set(heard.compactMap { $0 }) == [a.id.rawValue, b.id.rawValue])
            try await pg.execute("NOTIFY quire_events, 'marker'")
            #expect(await probe.next() == "marker", "one notification per run, not per event")
        }
    }

    @Test func aStoredEventThatCannotBeReadIsReportedAsCorrupt() async throws {
        try await withStore(.postgres) { store, fixture in
            let pg = try #require(fixture as? PostgresFixture)
            let run = try await store.createRun(sampleRun(), now: t0).run
            let stored = try await store.appendEvents(EventsConformanceTests.trace(run.id))
            try await pg.execute("UPDATE run_events SET name = 'party' WHERE id = \(stored[1].sequence!)")
            let renamed = await #expect(throws: SchedulingStoreError.self) { try await store.events(of: run.id, after: 0, limit: 10) }
            guard case .corruptRecord(let table, let key, let column, _)? = renamed else { Issue.record("\(String(describing: renamed))"); return }
            #expect(table == "run_events" && key == "\(stored[1].sequence!)" && column == "name")
            try await pg.execute("UPDATE run_events SET name = 'status', data = '{not json' WHERE id = \(stored[1].sequence!)")
            let broken = await #expect(throws: SchedulingStoreError.self) { try await store.events(of: run.id, after: 0, limit: 10) }
            guard case .corruptRecord(_, _, "data", _)? = broken else { Issue.record("\(String(describing: broken))"); return }
            // Readers past the bad row are unaffected.
            #expect(try await store.events(of: run.id, after: stored[1].sequence!, limit: 10).count == 4)
        }
    }

    /// A worker waiting with a poll far beyond the test's bound wakes only if the notification
    /// reached it.
    @Test func aRunQueuedByAnotherProcessWakesAFollowingWorker() async throws {
        try await withFixture(.postgres) { fixture in
            let worker = try await fixture.connect()
            let api = try await fixture.connect()
            let wakeup = WorkerWakeup()
            let following = StoreWakeups.follow(worker, into: wakeup)
            #expect(await woken(wakeup), "the listener wakes workers once when it connects")
            _ = try await api.createRun(sampleRun(), now: Date())
            #expect(await woken(wakeup), "createRun in another process")
            await following.stop()
        }
    }

    /// The server restarts under the listener: it reconnects (with backoff) and hears the next run.
    @Test func theListenerReconnectsAfterTheServerRestarts() async throws {
        let server = PostgresTestServer()
        do {
            let database = try await server.createDatabase()
            let url = try await server.url(database: database)
            let store = try await PostgresSchedulingStore.open(url: url, maximumConnections: 2)
            let wakeup = WorkerWakeup()
            let following = StoreWakeups.follow(store, into: wakeup)
            #expect(await woken(wakeup))
            try await server.restart()
            #expect(await woken(wakeup), "the wake-up on reconnection, for what was missed meanwhile")
            // The pool may hand out a connection the restart closed before noticing: retry a little.
            var created = false
            for _ in 0..<20 where !created {
                created = (try? await store.createRun(sampleRun(), now: Date())) != nil
                if !created { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(created)
            #expect(await woken(wakeup), "a run queued after the restart")
            await following.stop()
            await store.shutdown()
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    /// A server that stops answering (every process SIGSTOPped: a hung host) is noticed by the
    /// listener's ping, which leaves the connection; new attempts give up after their timeout
    /// instead of waiting forever; once the server answers again, the listener is back.
    @Test func aServerThatStopsAnsweringIsLeftThenReconnectedTo() async throws {
        let server = PostgresTestServer()
        do {
            let database = try await server.createDatabase()
            let store = try await PostgresSchedulingStore.open(url: try await server.url(database: database), maximumConnections: 2)
            let wakeup = WorkerWakeup()
            let following = StoreWakeups.follow(store, into: wakeup)
            #expect(await woken(wakeup))
            try await server.freeze()
            // Long enough for a ping to be sent (every 15 s) and to go unanswered (10 s), on a
            // loaded machine too. Without the ping the old connection would simply resume below,
            // and no reconnection would wake the worker.
            try await Task.sleep(for: .seconds(45))
            try await server.thaw()
            #expect(await woken(wakeup), "the wake-up of a reconnection")
            _ = try await store.createRun(sampleRun(), now: Date())
            #expect(await woken(wakeup), "a run queued after the reconnection")
            await following.stop()
            await store.shutdown()
        } catch {
            try? await server.thaw()
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test func aSQLiteStoreHasNothingToFollow() async throws {
        let store = try SQLiteSchedulingStore.inMemory()
        let following = StoreWakeups.follow(store, into: WorkerWakeup())
        await following.stop()
    }
}

/// True when `wakeup` was signalled well before `bound`, far longer than any notification takes;
/// false when the wait ran out (no assertion on how fast the signal came).
func woken(_ wakeup: WorkerWakeup, bound: Duration = .seconds(120)) async -> Bool {
    let clock = ContinuousClock()
    let started = clock.now
    await wakeup.wait(timeout: bound)
    return clock.now - started < bound
}
