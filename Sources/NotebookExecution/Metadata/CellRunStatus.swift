import NotebookFormat

/// `metadata.papermill.status` of a cell.
public enum CellRunStatus: String, Sendable {
    case pending, running, completed, failed
}

extension Cell {
    /// The per-cell `metadata.papermill` block papermill maintains on every cell.
    var papermill: JSONObject {
        get { metadata["papermill"]?.objectValue ?? JSONObject() }
        set { metadata["papermill"] = .object(newValue) }
    }

    mutating func resetRunMetadata() {
        papermill = JSONObject([
            ("start_time", .null), ("end_time", .null), ("duration", .null),
            ("status", .string(CellRunStatus.pending.rawValue)), ("exception", .null),
        ])
        if cellType == "code" {
            executionCount = nil
            outputs = []
        }
    }

    mutating func markStarted(at time: UTCInstant) {
        var p = papermill
        p["start_time"] = .string(time.isoformat)
        p["status"] = .string(CellRunStatus.running.rawValue)
        p["exception"] = .bool(false)
        papermill = p
    }

    mutating func markFailed() {
        var p = papermill
        p["exception"] = .bool(true)
        p["status"] = .string(CellRunStatus.failed.rawValue)
        papermill = p
    }

    mutating func markFinished(started: UTCInstant, at end: UTCInstant) {
        var p = papermill
        p["start_time"] = .string(started.isoformat)
        p["end_time"] = .string(end.isoformat)
        p["duration"] = .double(end.seconds(since: started))
        if p["status"]?.stringValue != CellRunStatus.failed.rawValue {
            p["status"] = .string(CellRunStatus.completed.rawValue)
        }
        papermill = p
    }

    var runStatus: CellRunStatus? {
        papermill["status"]?.stringValue.flatMap(CellRunStatus.init(rawValue:))
    }
}
