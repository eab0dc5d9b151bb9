import Foundation
import NotebookFormat

/// Something that happened in a run, as the live views (server-sent events) show it.
public struct RunEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case status(String)
        case cellStarted(index: Int, total: Int)
        case output(cell: Int, output: JSONValue)
        case cellFinished(index: Int, total: Int, status: String?, duration: Double?)
        case finished(status: String)
    }

    public var run: String
    public var kind: Kind
    public var at: Date
    /// The event's id in the store's events table (ascending within a run); nil for an event that
    /// never went through a database (the in-process path of the SQLite server).
    public var sequence: Int64?

    public init(run: String, kind: Kind, at: Date = Date(), sequence: Int64? = nil) {
        self.run = run
        self.kind = kind
        self.at = at
        self.sequence = sequence
    }

    /// The SSE `event:` name.
    public var name: String {
        switch kind {
        case .status: "status"
        case .cellStarted: "cell_started"
        case .output: "output"
        case .cellFinished: "cell_finished"
        case .finished: "finished"
        }
    }

    /// The SSE `data:` payload.
    public var data: JSONValue {
        var o: JSONObject = ["run": .string(run)]
        switch kind {
        case .status(let s): o["status"] = .string(s)
        case .cellStarted(let i, let n): o["cell"] = .int(i); o["total"] = .int(n)
        case .output(let i, let out): o["cell"] = .int(i); o["output"] = out
        case .cellFinished(let i, let n, let status, let duration):
            o["cell"] = .int(i); o["total"] = .int(n)
            o["status"] = status.map(JSONValue.string) ?? .null
            o["duration"] = duration.map(JSONValue.double) ?? .null
        case .finished(let s): o["status"] = .string(s)
        }
        return .object(o)
    }
}

/// Where workers send run events: the server's live-progress hub, or nothing.
public protocol RunEventSink: Sendable {
    func publish(_ event: RunEvent) async
}

public struct NoRunEvents: RunEventSink {
    public init() {}
    public func publish(_ event: RunEvent) async {}
}
