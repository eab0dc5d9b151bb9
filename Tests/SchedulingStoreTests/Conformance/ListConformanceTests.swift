import Foundation
import NotebookFormat
import Scheduling
import Testing

/// Newest-first listings: every filter, paging, and bad input.
@Suite struct ListConformanceTests {
    /// 15 runs across jobs, owners, tags, parameters and statuses; returns them as stored now.
    static func populate(_ store: any SchedulingStore) async throws -> [RunRecord] {
        let jobs: [String?] = ["etl", "report", nil]
        let owners: [String?] = ["ada", "bob", nil]
        let names = ["ada", "grace", "5"]
        var ids: [RunID] = []
        for i in 0..<15 {
            let parameters: JSONValue = ["n": .int(i % 4), "name": .string(names[i % 3]), "flag": .bool(i % 2 == 0),
                                         "ratio": .double(0.5), "list": [1, "a"]]
            let tags = i % 5 == 0 ? ["daily", "finance"] : (i % 2 == 0 ? ["daily"] : [])
            let new = sampleRun(job: jobs[i % 3], parameters: parameters, tags: tags, owner: owners[i % 3 == 0 ? 0 : (i % 2)])
            ids.append(try await store.createRun(new, now: at(Double(i))).run.id)
        }
        // Some variety of statuses: claim the two oldest, finish one, cancel another queued.
        let first = try #require(try await store.claim(worker: "w", labels: [], lease: 60, now: at(20)))
        _ = try await store.claim(worker: "w", labels: [], lease: 60, now: at(20))
        _ = try await store.finish(first.id, worker: "w", outcome: .succeeded, output: nil, retryAt: nil, now: at(21))
        _ = try await store.requestCancel(ids[7], now: at(22))
        var runs: [RunRecord] = []
        for id in ids { runs.append(try #require(try await store.run(id))) }
        return runs
    }

    /// Every page of a listing, checking each page's size and cursor on the way.
    static func allPages(_ store: any SchedulingStore, _ filter: RunFilter, limit: Int) async throws -> [RunRecord] {
        var out: [RunRecord] = []
        var cursor: String?
        repeat {
            let page = try await store.listRuns(filter, limit: limit, cursor: cursor)
            #expect(page.runs.count <= limit)
            if page.nextCursor != nil { #expect(page.runs.count == limit) }
            out += page.runs
            cursor = page.nextCursor
        } while cursor != nil
        return out
    }

    @Test(arguments: Backend.allCases) func pagesCoverEveryRunNewestFirst(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let runs = try await Self.populate(store)
            let expected = runs.sorted { $0.id > $1.id }
            #expect(expected.map(\.created) == runs.map(\.created).reversed())
            for limit in [1, 4, 5, 15, 500] {
                #expect(try await Self.allPages(store, RunFilter(), limit: limit) == expected, "limit \(limit)")
            }
            let exact = try await store.listRuns(RunFilter(), limit: 15, cursor: nil)
            #expect(exact.nextCursor == nil && exact.runs.count == 15)
        }
    }

    @Test(arguments: Backend.allCases) func everyFilterSelectsExactlyItsRuns(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let runs = try await Self.populate(store)
            func text(_ run: RunRecord, _ name: String) -> String? {
                switch run.parameters[name] {
                case .string(let s)?: s
                case let v?: String(decoding: v.serialized(), as: UTF8.self)
                case nil: nil
                }
            }
            let cases: [(String, RunFilter, (RunRecord) -> Bool)] = [
                ("job", RunFilter(job: "etl"), { $0.job == "etl" }),
                ("status", RunFilter(status: [.running]), { $0.status == .running }),
                ("statuses", RunFilter(status: [.queued, .cancelled]), { [.queued, .cancelled].contains($0.status) }),
                ("statuses and job", RunFilter(job: "etl", status: [.running, .queued, .running]),
                 { $0.job == "etl" && [.queued, .running].contains($0.status) }),
                ("tag", RunFilter(tag: "daily"), { $0.tags.contains("daily") }),
                ("rare tag", RunFilter(tag: "finance"), { $0.tags.contains("finance") }),
                ("owner", RunFilter(owner: "bob"), { $0.owner == "bob" }),
                ("after", RunFilter(createdAfter: at(4)), { $0.created > at(4) }),
                ("before", RunFilter(createdBefore: at(9)), { $0.created < at(9) }),
                ("window", RunFilter(createdAfter: at(2.5), createdBefore: at(11)), { $0.created > at(2.5) && $0.created < at(11) }),
                ("string parameter", RunFilter(parameter: ("name", "grace")), { text($0, "name") == "grace" }),
                ("string that looks like a number", RunFilter(parameter: ("name", "5")), { text($0, "name") == "5" }),
                ("int parameter", RunFilter(parameter: ("n", "2")), { $0.parameters["n"] == 2 }),
                ("bool parameter", RunFilter(parameter: ("flag", "true")), { $0.parameters["flag"] == true }),
                ("float parameter", RunFilter(parameter: ("ratio", "0.5")), { _ in true }),
                ("list parameter", RunFilter(parameter: ("list", "[1,\"a\"]")), { _ in true }),
                ("unknown parameter", RunFilter(parameter: ("missing", "1")), { _ in false }),
                ("combined", RunFilter(job: "report", status: [.queued], tag: "daily", owner: "ada",
                                       createdAfter: at(0), parameter: ("flag", "true")),
                 { $0.job == "report" && $0.status == .queued && $0.tags.contains("daily") && $0.owner == "ada"
                     && $0.created > at(0) && $0.parameters["flag"] == true }),
                ("nothing", RunFilter(job: "etl", owner: "nobody"), { _ in false }),
            ]
            for (name, filter, matches) in cases {
                let expected = runs.filter(matches).sorted { $0.id > $1.id }
                let listed = try await Self.allPages(store, filter, limit: 2)
                #expect(listed == expected, "\(name): \(listed.map(\.created)) != \(expected.map(\.created))")
            }
            #expect(runs.contains { $0.status == .running } && runs.contains { $0.status == .cancelled })
        }
    }

    @Test(arguments: Backend.allCases) func badPagingInputIsRefused(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            _ = try await Self.populate(store)
            for limit in [0, -3, 501] {
                await #expect(throws: SchedulingStoreError.invalidLimit(limit)) {
                    try await store.listRuns(RunFilter(), limit: limit, cursor: nil)
                }
            }
            let notAnID = Data("hello".utf8).base64EncodedString()
            for cursor in ["%%%not base64", notAnID, ""] {
                let error = await #expect(throws: SchedulingStoreError.self) {
                    try await store.listRuns(RunFilter(), limit: 5, cursor: cursor)
                }
                guard case .invalidCursor(let echoed, let reason)? = error else {
                    Issue.record("cursor \(cursor.debugDescription): \(String(describing: error))")
                    continue
                }
                #expect(echoed == cursor && !reason.isEmpty)
            }
        }
    }
}
