import Foundation
import NotebookFormat

extension RunEvent {
    /// The event back from its stored form (the SSE name and data written by `name`/`data`); nil
    /// when the name is unknown or the data lacks a field that kind needs.
    public init?(run: String, name: String, data: JSONValue, at: Date, sequence: Int64?) {
        guard let o = data.objectValue else { return nil }
        let kind: Kind
        switch name {
        case "status":
            guard let s = o["status"]?.stringValue else { return nil }
            kind = .status(s)
        case "cell_started":
            guard let i = o["cell"]?.intValue, let n = o["total"]?.intValue else { return nil }
            kind = .cellStarted(index: i, total: n)
        case "output":
            guard let i = o["cell"]?.intValue, let out = o["output"] else { return nil }
            kind = .output(cell: i, output: out)
        case "cell_finished":
            guard let i = o["cell"]?.intValue, let n = o["total"]?.intValue else { return nil }
            kind = .cellFinished(index: i, total: n, status: o["status"]?.stringValue, duration: o["duration"]?.doubleValue)
        case "finished":
            guard let s = o["status"]?.stringValue else { return nil }
            kind = .finished(status: s)
        default:
            return nil
        }
        self.init(run: run, kind: kind, at: at, sequence: sequence)
    }

    /// The `data` payload as stored: compact JSON text.
    var storedData: String { String(decoding: data.serialized(), as: UTF8.self) }

    /// Decodes a stored row, or reports it as corrupt (`table`/`key` name it in the error).
    static func stored(run: String, name: String, data: String, at: Int64, sequence: Int64, table: String) throws -> RunEvent {
        let key = String(sequence)
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch {
            throw SchedulingStoreError.corruptRecord(table: table, key: key, column: "data", reason: "\(error)")
        }
        guard let event = RunEvent(run: run, name: name, data: json, at: StoreTime.date(at), sequence: sequence) else {
            throw SchedulingStoreError.corruptRecord(table: table, key: key, column: "name",
                                                     reason: "no \(name) event has the data \(data.prefix(200))")
        }
        return event
    }
}
