import Foundation
import Logging

/// Where workers send run events when viewers may be connected to another process: the store's
/// events table, from which every `quire serve` replica relays them (`StoreEventRelay`).
///
/// `publish` only appends to a buffer and returns: a slow or unreachable database must never
/// slow a run down or fail it. A single flusher writes the buffer in batches (a notebook printing
/// thousands of lines does one INSERT per batch, not per line) and in order, so the events of a
/// run get ascending ids. When the buffer is full, new events are dropped and counted (the run's
/// output notebook still has everything; only the live view misses them).
public actor StoreEventSink: RunEventSink {
    private let store: any SchedulingStore
    private let logger: Logger
    private let capacity: Int
    private let batchSize: Int
    private let delay: Duration
    private var buffer: [RunEvent] = []
    private var flusher: Task<Void, Never>?
    private var dropped = 0
    private var overflowing = false

    /// Attempts at one batch before it is dropped, and the pause between them.
    static let attempts = 4
    static let retryPause: Duration = .milliseconds(500)
    /// A write that takes longer is abandoned (and retried): the pool waits for an unreachable
    /// server without end, and the flusher must come back to report and drop instead.
    static let writeTimeout: Duration = .seconds(10)

    /// - Parameters:
    ///   - capacity: events held while the database is slow, beyond which new ones are dropped.
    ///   - batchSize: events written per INSERT at most.
    ///   - delay: how long the flusher lets events gather before writing (latency of the live
    ///     view across processes, against the number of INSERTs).
    public init(store: any SchedulingStore, capacity: Int = 10_000, batchSize: Int = 500,
                delay: Duration = .milliseconds(50), logger: Logger = Logger(label: "quire.events")) {
        self.store = store
        self.capacity = max(1, capacity)
        self.batchSize = max(1, batchSize)
        self.delay = delay
        self.logger = logger
    }

    public func publish(_ event: RunEvent) {
        guard buffer.count < capacity else {
            if !overflowing {
                overflowing = true
                logger.warning("run events are coming faster than the database takes them; dropping new ones (run \(event.run))")
            }
            dropped += 1
            return
        }
        buffer.append(event)
        if flusher == nil { flusher = Task { await self.drain() } }
    }

    /// Waits until every event published so far was written (or given up on).
    public func flush() async {
        while let running = flusher { await running.value }
    }

    /// Like `flush()`, but gives up after `limit` (a process shutting down while the database is
    /// unreachable): what is still buffered is dropped and counted.
    public func flush(within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while flusher != nil && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        guard let running = flusher else { return }
        let lost = buffer.count
        buffer.removeAll()
        dropped += lost
        running.cancel()
        await running.value
        logger.warning("\(lost) run events not written before shutdown: the database did not take them within \(limit)")
    }

    /// Events dropped so far because the buffer was full or a batch kept failing.
    public var droppedCount: Int { dropped }

    private func drain() async {
        while !buffer.isEmpty && !Task.isCancelled {
            try? await Task.sleep(for: delay)
            let batch = Array(buffer.prefix(batchSize))
            buffer.removeFirst(batch.count)
            await write(batch)
        }
        if overflowing {
            overflowing = false
            logger.notice("run events are written again; \(dropped) dropped in all so far")
        }
        flusher = nil
    }

    private func write(_ batch: [RunEvent]) async {
        for attempt in 1...Self.attempts {
            if Task.isCancelled {
                dropped += batch.count
                return
            }
            do {
                try await Self.append(batch, to: store)
                return
            } catch {
                if attempt == Self.attempts {
                    dropped += batch.count
                    logger.warning("dropping \(batch.count) run events after \(attempt) failed writes: \(error)")
                } else {
                    try? await Task.sleep(for: Self.retryPause * (1 << (attempt - 1)))
                }
            }
        }
    }

    private static func append(_ batch: [RunEvent], to store: any SchedulingStore) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = try await store.appendEvents(batch)
                return true
            }
            group.addTask {
                try await Task.sleep(for: writeTimeout)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else { throw WriteTimedOut() }
        }
    }

    struct WriteTimedOut: Error, CustomStringConvertible {
        var description: String { "no answer from the database within \(StoreEventSink.writeTimeout)" }
    }
}
