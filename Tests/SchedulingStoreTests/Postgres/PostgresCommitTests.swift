import Foundation
import PostgresNIO
import QuireTestSupport
@testable import Scheduling
import Testing

/// How the PostgreSQL store commits: lease renewals without waiting for the WAL flush, everything
/// else durably, and every state change through the one compare-and-set save.
@Suite struct PostgresCommitTests {
    /// The relaxed commit is the renewal's own: the pooled connection it ran on (the only one
    /// here) commits the next claim and finish durably again. (The test server runs with
    /// `synchronous_commit` off for speed; the database is set back to the default first.)
    @Test func aHeartbeatLeavesItsConnectionCommittingDurably() async throws {
        try await withPostgresStore(durable: true) { store in
            #expect(try await synchronousCommit(store) == "on")
            let run = try await runningRun(store)
            #expect(try await store.heartbeat(run.id, worker: "w1", lease: 60, now: at(5))
                == HeartbeatResult(leaseHeld: true, cancelRequested: false))
            #expect(try await store.run(run.id)?.leaseExpires == at(65))
            #expect(try await synchronousCommit(store) == "on")
            // A renewal refused (not the holder) leaves it as it was, too.
            #expect(try await store.heartbeat(run.id, worker: "w2", lease: 60, now: at(6))
                == HeartbeatResult(leaseHeld: false, cancelRequested: false))
            #expect(try await synchronousCommit(store) == "on")
        }
    }

    /// A save whose row is not as its caller read it (here: read before a claim changed it, and
    /// not under the row lock) writes nothing and says so.
    @Test func aSaveOfARowThatChangedIsRefused() async throws {
        try await withPostgresStore { store in
            let queued = try await store.createRun(sampleRun(), now: t0).run
            #expect(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(1))?.id == queued.id)
            var stale = queued
            stale.status = .cancelled
            await #expect(throws: SchedulingStoreError.database(
                operation: "save run \(queued.id)",
                reason: "the run changed although its row was locked (read without `lock`?)")) {
                try await store.transaction("test") { db in
                    try await PostgresRunRow.save(db, stale, stale.transition("stale", at: at(2)), lockedAs: queued,
                                                  logger: store.logger)
                }
            }
            #expect(try await store.run(queued.id)?.status == .running)
            #expect(try await store.transitions(queued.id).map(\.status) == [.queued, .running])
        }
    }

    private func synchronousCommit(_ store: PostgresSchedulingStore) async throws -> String? {
        try await store.rows("read synchronous_commit", "SHOW synchronous_commit").first?.decode(String.self)
    }

    private func withPostgresStore(
        durable: Bool = false, _ body: (PostgresSchedulingStore) async throws -> Void
    ) async throws {
        try await withFixture(.postgres) { fixture in
            let pg = try #require(fixture as? PostgresFixture)
            if durable { try await pg.execute("ALTER DATABASE \(pg.database) SET synchronous_commit = on") }
            let store = try await PostgresSchedulingStore.open(url: pg.url, maximumConnections: 1)
            do { try await body(store) } catch {
                await store.shutdown()
                throw error
            }
            await store.shutdown()
        }
    }
}
