import Synchronization
import Testing
import NotebookFormat
@testable import NotebookExecution

/// The saver bounds writes by time, not by how often the notebook changes.
@Suite struct NotebookSaverTests {
    final class Counter: Sendable {
        let writes = Mutex<[Int]>([])
    }

    static func nb(_ n: Int) -> Notebook {
        Notebook(cells: [Cell(cellType: "markdown", source: "\(n)", id: "a")])
    }

    @Test func manyChangesFewWrites() async throws {
        let counter = Counter()
        let saver = NotebookSaver(interval: .milliseconds(300)) { nb in
            counter.writes.withLock { $0.append(Int(nb.cells[0].source)!) }
        }
        let started = ContinuousClock.now
        await saver.offer(Self.nb(0), important: true)
        for i in 1...500 {
            await saver.offer(Self.nb(i), important: false)
            if i % 100 == 0 { try await Task.sleep(for: .milliseconds(100)) }
        }
        await saver.offer(Self.nb(501), important: true)
        let writes = counter.writes.withLock { $0 }
        #expect(writes.first == 0)
        #expect(writes.last == 501, "the important final state is always written")
        // One write per interval elapsed (a loaded machine stretches the loop), plus the two important ones.
        let elapsed = ContinuousClock.now - started
        let bound = Int(elapsed / .milliseconds(300)) + 3
        #expect(writes.count <= bound, "500 changes over \(elapsed) must not mean 500 writes: \(writes.count)")
        #expect(writes.count < 50)
        #expect(writes == writes.sorted(), "snapshots are written in order")
    }

    @Test func pendingChangeIsWrittenByTheTimer() async throws {
        let counter = Counter()
        let saver = NotebookSaver(interval: .milliseconds(100)) { nb in
            counter.writes.withLock { $0.append(Int(nb.cells[0].source)!) }
        }
        await saver.offer(Self.nb(1), important: true)
        await saver.offer(Self.nb(2), important: false)
        #expect(counter.writes.withLock { $0 } == [1], "too soon after the last write")
        // No further offer comes: the timer alone must write the pending snapshot.
        let deadline = ContinuousClock.now + .seconds(10)
        while counter.writes.withLock({ $0.count }) < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(counter.writes.withLock { $0 } == [1, 2])
    }

    @Test func noIntervalMeansImportantOnly() async {
        let counter = Counter()
        let saver = NotebookSaver(interval: nil) { nb in
            counter.writes.withLock { $0.append(Int(nb.cells[0].source)!) }
        }
        await saver.offer(Self.nb(1), important: true)
        for i in 2...50 { await saver.offer(Self.nb(i), important: false) }
        await saver.flush()
        #expect(counter.writes.withLock { $0 } == [1, 50])
    }
}
