import Foundation
import Logging

/// Brings run events written to the store by any process (`StoreEventSink`) to this process's
/// live viewers: for each run someone here watches, it reads the events after the last one
/// relayed and publishes them to `sink` (the server's hub), in order.
///
/// It reads when PostgreSQL notifies that a watched run has new events, right after a
/// (re)connection of the listener, and every `pollInterval` as a fallback. It also deletes the
/// events of runs that ended more than `retention` ago, every `pruneInterval`.
public actor StoreEventRelay {
    private struct Watch {
        var viewers: Int
        /// Sequence of the last event relayed.
        var cursor: Int64
        var reading = false
        var again = false
    }

    private let store: any SchedulingStore
    private let sink: any RunEventSink
    private let logger: Logger
    private let pollInterval: Duration
    private let retention: TimeInterval
    private let pruneInterval: TimeInterval
    private var watched: [RunID: Watch] = [:]
    private var listener: StoreFollowing?
    private var loop: Task<Void, Never>?

    public init(store: any SchedulingStore, into sink: any RunEventSink, pollInterval: Duration = .seconds(2),
                retention: TimeInterval = 3600, pruneInterval: TimeInterval = 600,
                logger: Logger = Logger(label: "quire.events")) {
        self.store = store
        self.sink = sink
        self.pollInterval = pollInterval
        self.retention = retention
        self.pruneInterval = pruneInterval
        self.logger = logger
    }

    /// Starts listening (PostgreSQL) and polling; `stop()` ends both.
    public func start() {
        guard loop == nil else { return }
        if let postgres = store as? PostgresSchedulingStore {
            let listener = postgres.listen(PostgresSchema.eventsChannel,
                                           onConnected: { [weak self] in await self?.catchUpAll() },
                                           onNotification: { [weak self] payload in
                                               guard let run = RunID(payload) else { return }
                                               await self?.catchUp(run)
                                           })
            self.listener = StoreFollowing(stop: { await listener.stop() })
        }
        loop = Task { [weak self, pollInterval, pruneInterval] in
            var lastPrune = Date.distantPast
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                guard let self else { return }
                await self.catchUpAll()
                if Date().timeIntervalSince(lastPrune) >= pruneInterval {
                    lastPrune = Date()
                    await self.prune()
                }
            }
        }
    }

    public func stop() async {
        loop?.cancel()
        loop = nil
        await listener?.stop()
        listener = nil
    }

    /// Starts relaying the events of `run` that come after `after` (the last one the caller got
    /// from `events(of:after:limit:)`), and reads once now for what was appended since. Each call
    /// needs its `unwatch`. When others already watch the run, relaying continues from where it
    /// is: a viewer may then receive events it already has, and skips them by their sequence.
    public func watch(_ run: RunID, after: Int64) async {
        if watched[run] != nil {
            watched[run]!.viewers += 1
        } else {
            watched[run] = Watch(viewers: 1, cursor: after)
        }
        await catchUp(run)
    }

    public func unwatch(_ run: RunID) {
        guard var watch = watched[run] else { return }
        watch.viewers -= 1
        watched[run] = watch.viewers > 0 ? watch : nil
    }

    /// Reads and relays the new events of `run` now (when it is watched). A read already under way
    /// reads again once it is done instead, so events are relayed once and in order.
    public func catchUp(_ run: RunID) async {
        guard var watch = watched[run] else { return }
        if watch.reading {
            watch.again = true
            watched[run] = watch
            return
        }
        watch.reading = true
        watched[run] = watch
        repeat {
            watched[run]?.again = false
            guard let cursor = watched[run]?.cursor else { return }
            do {
                let events = try await store.events(of: run, after: cursor, limit: 500)
                for event in events { await sink.publish(event) }
                if let last = events.last?.sequence { watched[run]?.cursor = last }
                // A full page: there is more to read.
                if events.count == 500 { watched[run]?.again = true }
            } catch {
                logger.warning("cannot read the events of run \(run): \(error)")
            }
        } while watched[run]?.again == true
        watched[run]?.reading = false
    }

    /// The runs watched here, for tests and metrics.
    public var watchedRuns: Set<RunID> { Set(watched.keys) }

    private func catchUpAll() async {
        for run in watched.keys { await catchUp(run) }
    }

    private func prune() async {
        do {
            let count = try await store.pruneEvents(finishedBefore: Date().addingTimeInterval(-retention))
            if count > 0 { logger.debug("pruned \(count) events of runs that ended over \(Int(retention)) s ago") }
        } catch {
            logger.warning("cannot prune old run events: \(error)")
        }
    }
}
