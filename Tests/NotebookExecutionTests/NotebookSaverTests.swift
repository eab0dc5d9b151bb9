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
        await saver.offer(Self.nb(0), important: true)
        for i in 1...500 {
            await saver.offer(Self.nb(i), important: false)
            if i % 100 == 0 { try await Task.sleep(for: .milliseconds(100)) }
        }
        await saver.offer(Self.nb(501), important: true)
        let writes = counter.writes.withLock { $0 }
        #expect(writes.first == 0)
        #expect(writes.last == 501, "the important final state is always written")
        #expect(writes.count <= 6, "500 changes over ~0.5 s must not mean 500 writes: \(writes.count)")
        #expect(writes == writes.sorted(), "snapshots are written in order")
    }

    @Test func pendingChangeIsWrittenByTheTimer() async throws {
        let counter = Counter()
        let saver = NotebookSaver(interval: .milliseconds(100)) { nb in
            counter.writes.withLock { $0.append(Int(nb.cells[0].source)!) }
        }
        await saver.offer(Self.nb(1), important: true)
        await saver.offer(Self.nb(2), important: false)
        try await Task.sleep(for: .milliseconds(400))
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
