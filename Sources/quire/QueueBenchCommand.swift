import ArgumentParser
import Foundation
import Scheduling

/// `quire _bench-queue DATABASE`: the queue's own cost, without notebooks (bench/queue, issue 8).
/// Queues `--runs` runs, then `--workers` concurrent loops each claim a run, renew its lease once
/// and finish it — what a worker does around every notebook — and prints the per-run latency of
/// that cycle and of each step as one JSON line. As `Worker` does, a finish also claims the
/// worker's next run in the same statement, so a run's cycle is its heartbeat and its finish,
/// plus a claim of its own only when no finish claimed it (each worker's first run);
/// `--separate` claims and finishes in separate statements instead, for comparison. With
/// `--notebook-ms`, each worker spends that long "running the notebook" (half before the
/// heartbeat, half after), as real workers do between claims; without it the workers hammer the
/// queue back to back, so every operation also waits for the others' (the saturated case).
/// Hidden: a benchmark tool, not a user command.
struct QueueBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_bench-queue", abstract: "Benchmark the run queue (bench/queue).",
                                                    shouldDisplay: false)

    @Argument(help: "A SQLite file path or postgres://… URL (a fresh database: its runs are left there).")
    var database: String
    @Option var runs = 1000
    @Option var workers = 8
    @Option(name: .customLong("notebook-ms")) var notebookMS = 0
    @Flag(help: "Claim in a statement of its own instead of with the previous finish.") var separate = false

    func run() async throws {
        let store = try await SchedulingStoreLocation(database).open()
        for i in 0..<runs {
            _ = try await store.createRun(NewRun(notebook: "bench.ipynb", parameters: ["i": .int(i)]), now: Date())
        }
        let timings = Timings()
        let t0 = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<workers {
                group.addTask {
                    let worker = "bench-\(w)"
                    let next = separate ? nil : NextClaim(labels: [], lease: 60)
                    var handed: RunRecord? = nil
                    while true {
                        let a = ContinuousClock.now
                        let claimedAlone = handed == nil
                        let taken: RunRecord?
                        if let handed { taken = handed } else {
                            taken = try await store.claim(worker: worker, labels: [], lease: 60, now: Date())
                        }
                        guard let run = taken else { return }
                        let b = ContinuousClock.now
                        if notebookMS > 0 { try await Task.sleep(for: .milliseconds(notebookMS / 2)) }
                        let b2 = ContinuousClock.now
                        _ = try await store.heartbeat(run.id, worker: worker, lease: 60, now: Date())
                        let c = ContinuousClock.now
                        if notebookMS > 0 { try await Task.sleep(for: .milliseconds(notebookMS - notebookMS / 2)) }
                        let c2 = ContinuousClock.now
                        handed = try await store.finish(run.id, worker: worker, outcome: .succeeded, output: nil, retryAt: nil,
                                                        now: Date(), claimingNext: next).next
                        let d = ContinuousClock.now
                        await timings.add(claim: claimedAlone ? b - a : nil, heartbeat: c - b2, finish: d - c2)
                    }
                }
            }
            try await group.waitForAll()
        }
        let wall = ContinuousClock.now - t0
        await (store as? PostgresSchedulingStore)?.shutdown()
        let all = await timings.summary()
        guard all.count == runs else { throw ValidationError("\(all.count) runs went through the queue, expected \(runs)") }
        print("{\"runs\": \(runs), \"workers\": \(workers), \"notebook_ms\": \(notebookMS), \"separate\": \(separate), "
              + "\"wall_s\": \(seconds(wall)), \(all.json)}")
    }
}

private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

private actor Timings {
    private var claim: [Double] = [], heartbeat: [Double] = [], finish: [Double] = [], cycle: [Double] = []

    /// `claim` is nil for a run claimed by the previous finish: that statement's time is already
    /// counted in the previous run's finish, so every statement is counted once.
    func add(claim c: Duration?, heartbeat h: Duration, finish f: Duration) {
        if let c { claim.append(seconds(c) * 1000) }
        heartbeat.append(seconds(h) * 1000)
        finish.append(seconds(f) * 1000)
        cycle.append(seconds((c ?? .zero) + h + f) * 1000)
    }

    func summary() -> (count: Int, json: String) {
        func stats(_ name: String, _ values: [Double]) -> String {
            let s = values.sorted()
            func p(_ q: Double) -> String { String(format: "%.2f", s[min(s.count - 1, Int(Double(s.count) * q))]) }
            return "\"\(name)_ms\": {\"p50\": \(p(0.5)), \"p90\": \(p(0.9)), \"p99\": \(p(0.99)), \"n\": \(s.count)}"
        }
        guard !cycle.isEmpty, !claim.isEmpty else { return (0, "") }
        let mean = String(format: "%.2f", cycle.reduce(0, +) / Double(cycle.count))
        return (cycle.count, [stats("cycle", cycle), "\"cycle_mean_ms\": \(mean)", stats("claim", claim),
                              stats("heartbeat", heartbeat), stats("finish", finish)].joined(separator: ", "))
    }
}
