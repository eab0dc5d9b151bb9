import Foundation
import Logging
import QuireTestSupport
@testable import Scheduling
import Testing

/// What a run learned while the database was down is kept and written once it is back, not lost.
@Suite struct RunDetailsRecorderTests {
    @Test func detailsRecordedDuringAnOutageReachTheStoreAfterIt() async throws {
        let server = PostgresTestServer()
        let database = try await server.createDatabase()
        let store = try await PostgresSchedulingStore.open(url: try PostgresURL(try await server.url(database: database)), maximumConnections: 2,
                                                           operationTimeout: .seconds(3))
        do {
            let run = try await runningRun(store, worker: "w1")
            let recorder = RunDetailsRecorder(run: run.id, worker: "w1", store: store, logger: Logger(label: "test"))
            try await server.stopServer()
            await recorder.record(RunDetails(inputSHA256: "abc", output: "runs/adhoc/out.ipynb"))
            await recorder.record(RunDetails(kernelResolved: "python3"))
            #expect(await recorder.flush() == false)
            try await server.startServer()
            var flushed = false
            for _ in 0..<120 where !flushed {
                flushed = await recorder.flush()
                if !flushed { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(flushed)
            let stored = try #require(try await store.run(run.id))
            #expect(stored.inputSHA256 == "abc" && stored.output == "runs/adhoc/out.ipynb" && stored.kernelResolved == "python3")
            // Another worker's details are refused for good, not retried forever.
            let stranger = RunDetailsRecorder(run: run.id, worker: "w2", store: store, logger: Logger(label: "test"))
            await stranger.record(RunDetails(output: "elsewhere"))
            #expect(await stranger.flush() == true)
            #expect(try await store.run(run.id)?.output == "runs/adhoc/out.ipynb")
        } catch {
            await store.shutdown(); await server.remove()
            throw error
        }
        await store.shutdown(); await server.remove()
    }
}
