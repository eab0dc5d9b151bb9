import Foundation
import QuireTestSupport
import Testing

/// A claim that PostgreSQL committed but whose answer never reached the worker (the connection
/// dropped in between, through a proxy that cuts exactly there): the worker finds the run the
/// database says it holds and runs it, instead of leaving it to lease expiry — where a run with
/// one attempt would have failed as lost without ever starting.
@Suite(.serialized) struct LostReplyTests {
    @Test func aRunClaimedWithAFinishWhoseAnswerWasLostIsStillRun() async throws {
        try await withProxiedWorker(marker: "WITH ended AS") { cluster, proxy, worker in
            let first = try await cluster.submit("slow.ipynb", ["seconds": 2])
            try await cluster.waitForStarted(first)
            let second = try await cluster.submit("params.ipynb", ["x": 2, "name": "lost"])
            let ended = try await cluster.http.waitForFinal(first)
            #expect(ended["status"]?.stringValue == "succeeded", "\(ended.text)\n\(worker.log)")
            try await Self.expectRunOnce(second, cluster, worker)
            // The worker learned that its refused retry had been preceded by its own finish.
            #expect(worker.log.contains("run \(first): its end was recorded after all"), "\(worker.log)")
            #expect(worker.log.contains("run \(first) attempt 1: succeeded"), "\(worker.log)")
            #expect(try proxy.command("cuts") == "1", "the finish's answer was lost")
        }
    }

    @Test func aRunWhoseClaimAnswerWasLostIsStillRun() async throws {
        try await withProxiedWorker(marker: "WITH claimed AS") { cluster, proxy, worker in
            let id = try await cluster.submit("params.ipynb", ["x": 3, "name": "lost"])
            try await Self.expectRunOnce(id, cluster, worker)
            #expect(try proxy.command("cuts") == "1", "the claim's answer was lost")
        }
    }

    /// Final well before the worker's 60 s lease could have run out, succeeded on its first
    /// attempt, never requeued.
    static func expectRunOnce(_ id: String, _ cluster: WorkerCluster, _ worker: WorkerProcess) async throws {
        let run = try await cluster.http.waitForFinal(id, timeout: 40)
        #expect(run["status"]?.stringValue == "succeeded" && run["attempt"] == .int(1), "\(run.text)\n\(worker.log)")
        #expect(cluster.transitions(run) == ["queued", "running", "succeeded"], "\(run.text)")
        #expect(worker.log.contains("the answer was lost"), "\(worker.log)")
    }

    /// A cluster whose worker reaches PostgreSQL through the proxy, which loses the first answer
    /// with rows to a statement containing `marker`.
    func withProxiedWorker(
        marker: String, _ body: (WorkerCluster, ChildServer, WorkerProcess) async throws -> Void
    ) async throws {
        try await WorkerCluster.with { cluster in
            let target = try #require(URLComponents(string: cluster.url)?.port)
            let proxy = try ChildServer(script: "pg_lost_reply_proxy.py", arguments: [String(target), marker])
            defer { proxy.stop() }
            let proxyPort = try #require(proxy.url.split(separator: ":").last.map(String.init))
            let proxied = cluster.url.replacingOccurrences(of: ":\(target)/", with: ":\(proxyPort)/")
            let worker = try await cluster.worker(["--id", "box-p", "--concurrency", "1"], database: proxied)
            try await body(cluster, proxy, worker)
        }
    }
}
