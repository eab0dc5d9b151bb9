import Foundation
import Testing
@testable import NotebookStorage

@Suite struct RunOutputTests {
    @Test func keyFormat() {
        let date = Date(timeIntervalSince1970: 1_767_323_045.123456)
        #expect(RunOutputKey.make(job: "daily report/ü", runID: "abc123", at: date)
            == "runs/daily-report--/20260102T030405.123456Z-abc123.ipynb")
        #expect(RunOutputKey.newRunID().count == 12)
        #expect(RunOutputKey.newRunID() != RunOutputKey.newRunID())
    }

    @Test func localOutputIsWrittenRepeatedlyThenSealed() async throws {
        let dir = try TempFolder()
        try await exercise(LocalStore(root: dir.path))
    }

    @Test func s3OutputIsWrittenRepeatedlyThenSealed() async throws {
        try await withBucket { store in try await exercise(store) }
    }

    /// Progress saves replace the output; `finish` seals it; a second run on the same key is refused.
    func exercise(_ store: any NotebookStore) async throws {
        if let local = store as? LocalStore {
            try FileManager.default.createDirectory(atPath: local.root + "/runs/job", withIntermediateDirectories: true)
        }
        let date = Date(timeIntervalSince1970: 1_767_323_045)
        let output = try await RunOutput.create(in: store, job: "job", runID: "r1", at: date)
        #expect(output.location.key == "runs/job/20260102T030405.000000Z-r1.ipynb")
        try await output.save(SampleNotebooks.unicode("1"))
        try await output.save(SampleNotebooks.unicode("2"))
        try await output.finish(SampleNotebooks.unicode("final"))
        #expect(try await output.location.read() == SampleNotebooks.unicode("final"))
        await #expect {
            try await output.save(SampleNotebooks.unicode("late"))
        } throws: { error in
            if case StorageError.alreadyFinished = error { return true }
            return false
        }
        // A finished output is never overwritten: not by a new RunOutput for the same key ...
        await #expect {
            _ = try await RunOutput.create(in: store, job: "job", runID: "r1", at: date)
        } throws: { error in
            if case StorageError.alreadyExists = error { return true }
            return false
        }
        // ... nor by one that skipped the check: its first write is create-only.
        let again = RunOutput(location: output.location)
        await #expect(throws: StorageError.self) { try await again.save(SampleNotebooks.unicode("other")) }
        #expect(try await output.location.read() == SampleNotebooks.unicode("final"))
    }

    @Test func overlappingSavesApplyInOrder() async throws {
        let dir = try TempFolder()
        let output = RunOutput(location: StoreLocation(store: LocalStore(root: dir.path), key: "o.ipynb"))
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<20 { group.addTask { try? await output.save(SampleNotebooks.unicode("\(i)")) } }
        }
        try await output.finish(SampleNotebooks.unicode("last"))
        #expect(try await output.location.read() == SampleNotebooks.unicode("last"))
    }
}
