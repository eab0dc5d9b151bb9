import Foundation
import QuireTestSupport
import Scheduling
import Testing

/// A PostgreSQL store whose server is not there: every operation ends with `.unavailable` after
/// its time limit instead of waiting in the pool for a connection that never comes.
@Suite struct PostgresUnavailableTests {
    @Test func operationsOnAnUnreachableServerFailAsUnavailable() async throws {
        let port = try PostgresTestServer.freePort()
        let store = try PostgresSchedulingStore(url: PostgresURL("postgres://quire:pw@127.0.0.1:\(port)/quire?sslmode=disable"),
                                                maximumConnections: 2, operationTimeout: .milliseconds(500))
        defer { Task { await store.shutdown() } }
        // One read (a single statement) and one write (a transaction): both paths are bounded.
        let operations: [@Sendable () async throws -> Void] = [
            { _ = try await store.claim(worker: "w1", labels: [], lease: 60, now: t0) },
            { _ = try await store.finish(RunID.make(at: t0), worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: t0) },
        ]
        for operation in operations {
            let error = await #expect(throws: SchedulingStoreError.self) { try await operation() }
            guard case .unavailable(_, let reason)? = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(reason.contains("within 0.5 s"), "\(reason)")
            #expect(error?.isTransient == true)
        }
        await store.shutdown()
    }

    @Test func aStoreWorksAgainOnceTheServerIsBack() async throws {
        let server = PostgresTestServer()
        let database = try await server.createDatabase()
        let url = try await server.url(database: database)
        let store = try await PostgresSchedulingStore.open(url: url, maximumConnections: 2)
        let slow = try PostgresSchedulingStore(url: PostgresURL(url), maximumConnections: 2, operationTimeout: .seconds(3))
        do {
            let run = try await store.createRun(sampleRun(), now: t0).run
            try await server.stopServer()
            let error = await #expect(throws: SchedulingStoreError.self) { try await slow.run(run.id) }
            #expect(error?.isTransient == true, "\(String(describing: error))")
            try await server.startServer()
            // The pool reconnects by itself: the same store handles answer again.
            var back: RunRecord?
            for _ in 0..<60 where back == nil {
                back = try? await store.run(run.id)
                if back == nil { try await Task.sleep(for: .milliseconds(500)) }
            }
            #expect(back == run)
            #expect(try await slow.run(run.id) == run)
        } catch {
            await store.shutdown(); await slow.shutdown(); await server.remove()
            throw error
        }
        await store.shutdown(); await slow.shutdown(); await server.remove()
    }
}
