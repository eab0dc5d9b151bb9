import ArgumentParser
import Foundation
import NotebookFormat
import Scheduling

/// `quire _seed-runs DB COUNT`: fills a database with finished runs, for bench/serve (listing with
/// 100 000 runs). Not shipped as a user command.
struct SeedRunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_seed-runs", abstract: "Benchmark helper.", shouldDisplay: false)

    @Argument var database: String
    @Argument var count: Int

    func run() async throws {
        let store = try SQLiteSchedulingStore(path: database)
        let start = Date().addingTimeInterval(-Double(count))
        var batch: [(new: NewRun, created: Date)] = []
        for i in 0..<count {
            let new = NewRun(job: "job-\(i % 20)", notebook: "nb/report-\(i % 20).ipynb",
                             parameters: ["region": .string(["eu", "us", "ap"][i % 3]), "day": .int(i % 365)],
                             tags: i % 10 == 0 ? ["weekly"] : [])
            batch.append((new, start.addingTimeInterval(Double(i))))
            if batch.count == 5000 {
                _ = try await store.createRuns(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = try await store.createRuns(batch) }
    }
}
