import Foundation
import NotebookFormat
import Scheduling
import Testing

/// 100 000 runs: filtered pages stay correct (their timing is for bench/, printed here for a glance).
@Suite struct LargeListingTests {
    @Test func filteredPagesOverAHundredThousandRuns() async throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        let store = try SQLiteSchedulingStore(path: fixture.path)
        let total = 100_000
        let jobs = ["etl", "report", "backup", "ml-train", "digest"]
        let insertStart = ContinuousClock.now
        var batch: [(new: NewRun, created: Date)] = []
        for i in 0..<total {
            let parameters = JSONValue.object(JSONObject([("region", .string("r\(i % 50)")), ("i", .int(i))]))
            let tags: [String] = i % 100 == 0 ? ["rare"] : ["common"]
            let owner = i % 7 == 0 ? "ada" : "bob"
            let new = NewRun(job: jobs[i % 5], notebook: "n.ipynb", parameters: parameters, tags: tags, owner: owner)
            batch.append((new: new, created: t0.addingTimeInterval(Double(i) * 0.25)))
        }
        let created = try await store.createRuns(batch)
        print("LargeListingTests: inserted \(total) runs in one transaction in \(ContinuousClock.now - insertStart)")
        #expect(created.count == total)

        // Expected pages come from the created records: newest first is descending creation time.
        let newestFirst = created.reversed()
        let cases: [(String, RunFilter, (RunRecord) -> Bool)] = [
            ("none", RunFilter(), { _ in true }),
            ("job", RunFilter(job: "ml-train"), { $0.job == "ml-train" }),
            ("status", RunFilter(status: [.queued]), { $0.status == .queued }),
            ("statuses", RunFilter(status: [.queued, .failed]), { $0.status == .queued }),
            ("rare tag", RunFilter(tag: "rare"), { $0.tags.contains("rare") }),
            ("owner", RunFilter(owner: "ada"), { $0.owner == "ada" }),
            ("parameter", RunFilter(parameter: ("region", "r7")), { $0.parameters["region"] == "r7" }),
            ("window", RunFilter(createdAfter: at(10_000), createdBefore: at(10_100)),
             { $0.created > at(10_000) && $0.created < at(10_100) }),
            ("job and owner", RunFilter(job: "etl", owner: "ada"), { $0.job == "etl" && $0.owner == "ada" }),
        ]
        for (name, filter, matches) in cases {
            let expected = Array(newestFirst.lazy.filter(matches).prefix(100))
            var cursor: String?
            var listed: [RunRecord] = []
            var times: [Duration] = []
            for _ in 0..<2 {
                let start = ContinuousClock.now
                let page = try await store.listRuns(filter, limit: 50, cursor: cursor)
                times.append(ContinuousClock.now - start)
                listed += page.runs
                cursor = page.nextCursor
            }
            #expect(listed == expected, "\(name)")
            print("LargeListingTests: \(name): pages of 50 in \(times.map(\.description).joined(separator: ", "))")
        }
    }
}
