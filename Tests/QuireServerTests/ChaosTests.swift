import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// Issue 8's chaos test: 3 `quire worker`s and 2 `quire serve` replicas on one PostgreSQL and one
/// S3 bucket (moto). 300 runs are queued while a loop SIGKILLs a random worker (kernels included)
/// every few seconds and starts it again with the same id, and one replica is killed and
/// restarted too. At the end every run is final and succeeded once, its final attempt's output
/// exists exactly once, and no run was lost.
@Suite(.serialized) struct ChaosTests {
    static let runs = 300
    static let bucket = "quire-chaos"

    @Test(.timeLimit(.minutes(20))) func killingWorkersAtRandomLosesNoRunAndSucceedsNoneTwice() async throws {
        let moto = try ChildServer(script: "moto_for_tests.py")
        defer { moto.stop() }
        let database = try await PostgresTestServer.shared.createDatabase()
        let dbURL = try await PostgresTestServer.shared.url(database: database)
        let s3 = HTTP(base: moto.url)
        #expect(try await s3.call("PUT", "/\(Self.bucket)").status == 200)
        let template = try Self.notebook()
        #expect(try await s3.call("PUT", "/\(Self.bucket)/templates/chaos.ipynb", body: template).status == 200)

        let env = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
                   "AWS_ENDPOINT_URL": moto.url]
        let config = """
            jobs:
              - name: chaos
                notebook: s3://\(Self.bucket)/templates/chaos.ipynb
                retries: {max_attempts: 10, backoff: 0}
            """
        let shared = ["--database", dbURL, "--store", "s3://\(Self.bucket)/runs"]
        let cluster = Cluster(
            replicas: [try ServeProcess(workers: 0, config: config, extraArgs: shared, env: env),
                       try ServeProcess(workers: 0, config: config, extraArgs: shared, env: env)],
            workers: try (0..<3).map { try WorkerChild(id: "chaos-\($0)", args: shared, env: env) })
        defer {
            cluster.stopAll()
            Task { await PostgresTestServer.shared.dropDatabase(database) }
        }

        var ids: [String] = []
        for i in 0..<Self.runs {
            let reply = try await cluster.http(i % 2).post("/api/v1/jobs/chaos/trigger", ["parameters": ["i": .int(i)]])
            #expect(reply.status == 202, "\(reply.text)")
            ids.append(try #require(reply.json["id"]?.stringValue))
        }

        let chaos = Task { await cluster.killAtRandom(env: env, args: shared) }
        let final = try await Self.waitUntilFinal(cluster, count: Self.runs, within: 900)
        chaos.cancel()
        let kills = await chaos.value
        #expect(kills.workers >= 5 && kills.replicas == 1, "the chaos loop barely ran: \(kills)")

        #expect(Set(final.keys) == Set(ids))
        let keys = try await Self.listKeys(s3, prefix: "runs/")
        var retried = 0
        for id in ids {
            let run = try await cluster.http(1).get("/api/v1/runs/\(id)").json
            let statuses = (run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
            #expect(run["status"]?.stringValue == "succeeded", "\(id): \(run)")
            #expect(statuses.filter { $0 == "succeeded" }.count == 1, "\(id): \(statuses)")
            let attempt = run["attempt"]?.intValue ?? 0
            if attempt > 1 { retried += 1 }
            let name = attempt > 1 ? "\(id)-attempt\(attempt)" : id
            let outputs = keys.filter { $0.hasSuffix("-\(name).ipynb") }
            #expect(outputs.count == 1, "\(id) attempt \(attempt): \(outputs)")
            #expect(run["output"]?.stringValue?.hasSuffix(outputs.first ?? "?") == true, "\(run)")
            // No attempt after the final one ever wrote anything.
            #expect(!keys.contains { $0.contains("\(id)-attempt\(attempt + 1)") }, "\(id)")
        }
        print("chaos: \(kills); \(retried) of \(ids.count) runs needed more than one attempt")
        // Some run must have lost its worker, or this test proved nothing.
        #expect(retried > 0, "no run was retried after \(kills) kills")

        // The output of a retried run is the complete record of its final attempt.
        if let sample = try await Self.firstRetried(cluster, ids) {
            let output = try await cluster.http(0).get("/api/v1/runs/\(sample.id)/output")
            let nb = try Notebook.load(output.body, file: "output").notebook
            let text = nb.cells.flatMap(\.outputs).compactMap { out -> String? in if case .stream(_, let t) = out { t } else { nil } }
            #expect(text.joined().contains("done \(sample.i)"), "\(text)")
        }
    }

    /// A 1-cell notebook (plus parameters) that takes long enough for kills to land mid-run.
    static func notebook() throws -> [UInt8] {
        let json: JSONValue = [
            "nbformat": 4, "nbformat_minor": 5,
            "metadata": ["kernelspec": ["name": "python3", "display_name": "Python 3", "language": "python"]],
            "cells": [
                ["cell_type": "code", "id": "params", "metadata": ["tags": ["parameters"]], "source": "i = 0",
                 "outputs": [], "execution_count": .null],
                ["cell_type": "code", "id": "work", "metadata": [:], "source": "import time\ntime.sleep(0.3)\nprint('done', i)",
                 "outputs": [], "execution_count": .null],
            ],
        ]
        return json.serialized()
    }

    static func waitUntilFinal(_ cluster: Cluster, count: Int, within seconds: Double) async throws -> [String: String] {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String: String] = [:]
        while Date() < deadline {
            // Either replica may be the one restarting just now.
            for r in 0..<2 {
                guard let listed = try? await cluster.http(r).get("/api/v1/runs?job=chaos&limit=500").json else { continue }
                last = [:]
                for run in listed["runs"]?.arrayValue ?? [] {
                    if let id = run["id"]?.stringValue, let status = run["status"]?.stringValue { last[id] = status }
                }
                break
            }
            let finals = last.values.filter { ["succeeded", "failed", "timed_out", "cancelled"].contains($0) }
            if last.count == count && finals.count == count { return last }
            try await Task.sleep(for: .seconds(2))
        }
        throw ServeFailure(message: "runs not final after \(seconds) s: \(Dictionary(grouping: last.values, by: { $0 }).mapValues(\.count))")
    }

    /// Every key under `prefix`, following ListObjectsV2 pages (moto does not check signatures).
    static func listKeys(_ s3: HTTP, prefix: String) async throws -> [String] {
        var keys: [String] = []
        var token: String? = nil
        repeat {
            var path = "/\(bucket)?list-type=2&prefix=\(prefix)"
            if let token { path += "&continuation-token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token) }
            let xml = try await s3.get(path).text
            keys += Self.values(of: "Key", in: xml)
            token = Self.values(of: "NextContinuationToken", in: xml).first
        } while token != nil
        return keys
    }

    static func values(of tag: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(tag)>").dropFirst().compactMap { $0.components(separatedBy: "</\(tag)>").first }
    }

    static func firstRetried(_ cluster: Cluster, _ ids: [String]) async throws -> (id: String, i: Int)? {
        for id in ids {
            let run = try await cluster.http(1).get("/api/v1/runs/\(id)").json
            if (run["attempt"]?.intValue ?? 0) > 1, let i = run["parameters"]?["i"]?.intValue { return (id, i) }
        }
        return nil
    }
}
