import Scheduling

/// Fans run events out to live viewers (server-sent events) in this process. Keeps the recent
/// events of each active run so a viewer that connects mid-run can catch up (unless `keep` is 0:
/// with PostgreSQL viewers catch up from the database, and the hub only sees watched runs, whose
/// end it might never hear of once their viewers left).
public actor RunEventHub: RunEventSink {
    private var subscribers: [String: [Int: AsyncStream<RunEvent>.Continuation]] = [:]
    private var recent: [String: [RunEvent]] = [:]
    private var nextID = 0
    private let keep: Int

    public init(keep: Int = 2000) { self.keep = keep }

    public func publish(_ event: RunEvent) {
        if keep > 0 {
            var list = recent[event.run, default: []]
            list.append(event)
            if list.count > keep { list.removeFirst(list.count - keep) }
            recent[event.run] = list
        }
        for (_, c) in subscribers[event.run] ?? [:] { c.yield(event) }
        if case .finished = event.kind {
            for (_, c) in subscribers[event.run] ?? [:] { c.finish() }
            subscribers[event.run] = nil
            recent[event.run] = nil
        }
    }

    /// Events of `run` from now on, preceded by the ones already seen in this process.
    func subscribe(_ run: String) -> (past: [RunEvent], stream: AsyncStream<RunEvent>, id: Int) {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        subscribers[run, default: [:]][id] = continuation
        return (recent[run] ?? [], stream, id)
    }

    func unsubscribe(_ run: String, id: Int) {
        subscribers[run]?.removeValue(forKey: id)?.finish()
    }
}
