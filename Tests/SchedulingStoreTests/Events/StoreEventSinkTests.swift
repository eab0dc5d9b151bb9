import Foundation
import QuireTestSupport
import Scheduling
import Testing

/// Workers' events written to the store in batches, without ever holding a run up.
@Suite struct StoreEventSinkTests {
    @Test(arguments: [Backend.sqliteFile, .postgres]) func aChattyRunIsWrittenInOrderInFewBatches(_ backend: Backend) async throws {
        try await withStore(backend) { store, fixture in
            let run = try await store.createRun(sampleRun(), now: t0).run
            let sink = StoreEventSink(store: store)
            let published = (0..<1200).map { i in
                RunEvent(run: run.id.rawValue, kind: .output(cell: 0, output: ["output_type": "stream", "name": "stdout", "text": .string("line \(i)\n")]),
                         at: at(Double(i) / 4))
            }
            for event in published { await sink.publish(event) }
            await sink.flush()
            #expect(await sink.droppedCount == 0)
            var stored: [RunEvent] = []
            while true {
                let page = try await store.events(of: run.id, after: stored.last?.sequence ?? 0, limit: 500)
                stored += page
                if page.count < 500 { break }
            }
            #expect(stored.map { var e = $0; e.sequence = nil; return e } == published)
            if let pg = fixture as? PostgresFixture {
                // Each INSERT is its own transaction: far fewer of them than events.
                let transactions = try await pg.count("SELECT count(DISTINCT xmin::text) FROM run_events")
                #expect(transactions < published.count / 10, "\(transactions) transactions for \(published.count) events")
            }
        }
    }

    /// A database slower than the run: the buffer's capacity is all that waits; the rest is
    /// dropped and counted, and `publish` returned at once every time.
    @Test func eventsBeyondTheBufferAreDroppedNotWaitedFor() async throws {
        try await withStore(.sqliteMemory) { store, _ in
            let run = try await store.createRun(sampleRun(), now: t0).run
            // The flusher waits a minute before its first write: every publish below happens first.
            let sink = StoreEventSink(store: store, capacity: 5, delay: .seconds(60))
            for i in 0..<20 { await sink.publish(RunEvent(run: run.id.rawValue, kind: .cellStarted(index: i, total: 20), at: at(Double(i)))) }
            #expect(await sink.droppedCount == 15)
        }
    }

    /// Writes that keep failing are retried a few times, then the batch is dropped: the sink
    /// never wedges, and later events are written once the database works again.
    @Test func aBatchTheDatabaseKeepsRefusingIsDroppedAfterRetries() async throws {
        try await withStore(.postgres) { store, fixture in
            let pg = try #require(fixture as? PostgresFixture)
            let run = try await store.createRun(sampleRun(), now: t0).run
            try await pg.execute("ALTER TABLE run_events RENAME TO run_events_away")
            let sink = StoreEventSink(store: store)
            for event in EventsConformanceTests.trace(run.id) { await sink.publish(event) }
            await sink.flush()
            #expect(await sink.droppedCount == 6)
            try await pg.execute("ALTER TABLE run_events_away RENAME TO run_events")
            await sink.publish(RunEvent(run: run.id.rawValue, kind: .status("running"), at: at(9)))
            await sink.flush()
            #expect(await sink.droppedCount == 6)
            #expect(try await store.events(of: run.id, after: 0, limit: 10).map(\.name) == ["status"])
        }
    }
}
