import JupyterKernel
import NotebookFormat

/// Turns a cell's iopub messages into notebook outputs as nbclient does (reference §6.3): outputs
/// appended one to one, `clear_output(wait=True)` deferred to the next output, display ids updated
/// across the whole notebook, execution counts and the four timing stamps recorded.
struct OutputCollector {
    /// Where each display id's outputs live, by cell index and output index.
    private var displays: [String: [(cell: Int, output: Int)]] = [:]
    private var clearPending = false
    /// What a `raises-exception`-style caller needs after the cell: the first error output seen.
    private(set) var error: (ename: String, evalue: String, traceback: [String])?
    /// Widget models of the whole run, and the Output widgets that divert outputs.
    private(set) var widgets = WidgetTracker()
    /// Messages for the kernel that applying produced (Output widget updates), oldest first.
    private var syncs: [WidgetTracker.Sync] = []

    /// The widget updates to send the kernel, once.
    mutating func takeSyncs() -> [WidgetTracker.Sync] {
        defer { syncs = [] }
        return syncs
    }

    mutating func beginCell() {
        clearPending = false
        error = nil
    }

    /// Applies one message of the request running `cell`. Returns the output appended, if any.
    @discardableResult
    mutating func apply(_ event: KernelEvent, to nb: inout Notebook, cell: Int) -> Output? {
        let m = event.message
        let content = m.content
        if case .reply = event {
            stamp(&nb.cells[cell], "shell.execute_reply", m)
            if let n = content["execution_count"]?.intValue { nb.cells[cell].executionCount = n }
            return nil
        }
        if let n = content["execution_count"]?.intValue, m.msgType == "execute_input" || m.msgType == "execute_result" {
            nb.cells[cell].executionCount = n
        }
        switch m.msgType {
        case "status":
            switch content["execution_state"]?.stringValue {
            case "busy": stamp(&nb.cells[cell], "iopub.status.busy", m)
            case "idle": stamp(&nb.cells[cell], "iopub.status.idle", m)
            default: break
            }
            return nil
        case "execute_input":
            stamp(&nb.cells[cell], "iopub.execute_input", m)
            return nil
        case "clear_output":
            if let widget = widgets.capturer(of: m.parentMsgID) {
                if let sync = widgets.clear(m, in: widget) { syncs.append(sync) }
            } else if content["wait"]?.boolValue == true { clearPending = true } else { clear(&nb, cell: cell) }
            return nil
        case "comm_open", "comm_msg":
            widgets.comm(m)
            return nil
        case "update_display_data":
            updateDisplay(content, in: &nb)
            return nil
        case "stream", "display_data", "execute_result", "error":
            if let widget = widgets.capturer(of: m.parentMsgID) {
                if m.msgType != "stream" { updateDisplay(content, in: &nb) }
                if let sync = widgets.capture(m, into: widget) { syncs.append(sync) }
                return nil
            }
            guard let output = Self.output(from: m.msgType, content) else { return nil }
            if clearPending {
                clear(&nb, cell: cell)
                clearPending = false
            }
            if m.msgType != "stream" { updateDisplay(content, in: &nb) }
            nb.cells[cell].outputs.append(output)
            if m.msgType != "stream", let id = Self.displayID(content) {
                displays[id, default: []].append((cell, nb.cells[cell].outputs.count - 1))
            }
            if case .error(let ename, let evalue, let tb) = output, error == nil { error = (ename, evalue, tb) }
            return output
        default:
            return nil
        }
    }

    private mutating func clear(_ nb: inout Notebook, cell: Int) {
        nb.cells[cell].outputs = []
        for (id, places) in displays { displays[id] = places.filter { $0.cell != cell } }
    }

    private func updateDisplay(_ content: JSONValue, in nb: inout Notebook) {
        guard let id = Self.displayID(content), let places = displays[id] else { return }
        let data = content["data"]?.objectValue ?? JSONObject()
        let metadata = content["metadata"]?.objectValue ?? JSONObject()
        for (c, o) in places where c < nb.cells.count && o < nb.cells[c].outputs.count {
            switch nb.cells[c].outputs[o] {
            case .displayData: nb.cells[c].outputs[o] = .displayData(data: data, metadata: metadata)
            case .executeResult(let n, _, _): nb.cells[c].outputs[o] = .executeResult(executionCount: n, data: data, metadata: metadata)
            default: break
            }
        }
    }

    private static func displayID(_ content: JSONValue) -> String? {
        content["transient"]?["display_id"]?.stringValue
    }

    private func stamp(_ cell: inout Cell, _ key: String, _ m: JupyterMessage) {
        guard let date = m.header["date"]?.stringValue else { return }
        var execution = cell.metadata["execution"]?.objectValue ?? JSONObject()
        execution[key] = .string(UTCInstant(isoString: date)?.timingStamp ?? date)
        cell.metadata["execution"] = .object(execution)
    }

    /// nbformat's `output_from_msg`: the message content minus what is transient.
    static func output(from type: String, _ c: JSONValue) -> Output? {
        let data = c["data"]?.objectValue ?? JSONObject()
        let metadata = c["metadata"]?.objectValue ?? JSONObject()
        switch type {
        case "stream":
            return .stream(name: c["name"]?.stringValue ?? "stdout", text: c["text"]?.stringValue ?? "")
        case "display_data":
            return .displayData(data: data, metadata: metadata)
        case "execute_result":
            return .executeResult(executionCount: c["execution_count"]?.intValue, data: data, metadata: metadata)
        case "error":
            return .error(ename: c["ename"]?.stringValue ?? "", evalue: c["evalue"]?.stringValue ?? "",
                          traceback: c["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        default:
            return nil
        }
    }
}
