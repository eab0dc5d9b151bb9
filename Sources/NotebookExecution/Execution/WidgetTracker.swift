import Foundation
import JupyterKernel
import NotebookFormat

/// Widget models as nbclient keeps them (reference §6.7): each comm's state merged from the
/// `comm_open`/`comm_msg` messages of the run's requests, binary buffers by path, and a mimic of
/// the front end's Output widget — while an Output widget's `msg_id` names a request, that request's
/// outputs go into the widget's `outputs` (adjacent same-name streams merged) instead of the cell,
/// and the new outputs are told back to the kernel, as JupyterLab does.
struct WidgetTracker {
    /// What to send the kernel after a message was applied: an Output widget's new outputs.
    struct Sync: Sendable {
        var commID: String
        var data: JSONValue
        var parent: JSONValue
    }

    private var states: [String: JSONObject] = [:]
    private var buffers: [String: [(path: JSONValue, data: String)]] = [:]
    /// Output widgets by comm id: their outputs and whether a `clear_output(wait=True)` is pending.
    private var outputWidgets: [String: (outputs: [JSONValue], clearPending: Bool, msgID: String?)] = [:]
    /// Request msg_id → Output widgets capturing it, innermost last.
    private var hooks: [String: [String]] = [:]

    /// The Output widget that takes the outputs of request `msgID`, if any.
    func capturer(of msgID: String?) -> String? {
        msgID.flatMap { hooks[$0]?.last }
    }

    mutating func comm(_ m: JupyterMessage) {
        guard let id = m.content["comm_id"]?.stringValue, let data = m.content["data"] else { return }
        if let state = data["state"]?.objectValue {
            var merged = states[id] ?? JSONObject()
            for (k, v) in state { merged[k] = v }
            states[id] = merged
            if let paths = data["buffer_paths"]?.arrayValue, !paths.isEmpty {
                for (path, bytes) in zip(paths, m.buffers) {
                    buffers[id, default: []].removeAll { $0.path == path }
                    buffers[id, default: []].append((path, Data(bytes).base64EncodedString()))
                }
            }
        }
        let state = data["state"]?.objectValue ?? JSONObject()
        if m.msgType == "comm_open", m.content["target_name"]?.stringValue == "jupyter.widget",
           state["_model_module"]?.stringValue == "@jupyter-widgets/output", state["_model_name"]?.stringValue == "OutputModel" {
            outputWidgets[id] = (state["outputs"]?.arrayValue ?? [], false, nil)
        } else if m.msgType == "comm_msg", outputWidgets[id] != nil, state["msg_id"] != nil {
            let msgID = state["msg_id"]?.stringValue ?? ""
            if !msgID.isEmpty {
                hooks[msgID, default: []].append(id)
            } else if let old = outputWidgets[id]?.msgID, !old.isEmpty {
                if hooks[old]?.last == id { hooks[old]?.removeLast() }
            }
            outputWidgets[id]?.msgID = msgID
        }
    }

    /// An output message captured by Output widget `id`.
    mutating func capture(_ m: JupyterMessage, into id: String) -> Sync? {
        guard var w = outputWidgets[id], let output = Self.output(m) else { return nil }
        if w.clearPending {
            w.outputs = []
            w.clearPending = false
        }
        if let last = w.outputs.last, last["output_type"] == "stream", output["output_type"] == "stream",
           last["name"] == output["name"], case .object(var merged) = last {
            merged["text"] = .string((last["text"]?.stringValue ?? "") + (output["text"]?.stringValue ?? ""))
            w.outputs[w.outputs.count - 1] = .object(merged)
        } else {
            w.outputs.append(output)
        }
        outputWidgets[id] = w
        return sync(id, parent: m.parentHeader)
    }

    /// A `clear_output` of a request an Output widget captures.
    mutating func clear(_ m: JupyterMessage, in id: String) -> Sync? {
        guard outputWidgets[id] != nil else { return nil }
        if m.content["wait"]?.boolValue == true {
            outputWidgets[id]?.clearPending = true
            return nil
        }
        outputWidgets[id]?.outputs = []
        return sync(id, parent: m.parentHeader)
    }

    private mutating func sync(_ id: String, parent: JSONValue) -> Sync {
        let outputs = JSONValue.array(outputWidgets[id]?.outputs ?? [])
        states[id]?["outputs"] = outputs
        return Sync(commID: id, data: .object(JSONObject([
            ("method", "update"), ("state", .object(JSONObject([("outputs", outputs)]))), ("buffer_paths", .array([])),
        ])), parent: parent)
    }

    /// `metadata.widgets`: models whose state names a `_model_name`, with their buffers.
    var metadata: JSONValue? {
        var models = JSONObject()
        for (id, state) in states.sorted(by: { $0.key < $1.key }) where state["_model_name"] != nil {
            var model = JSONObject([
                ("model_name", state["_model_name"] ?? .null),
                ("model_module", state["_model_module"] ?? .null),
                ("model_module_version", state["_model_module_version"] ?? .null),
                ("state", .object(state)),
            ])
            if let b = buffers[id], !b.isEmpty {
                model["buffers"] = .array(b.map { .object(JSONObject([("data", .string($0.data)), ("encoding", "base64"), ("path", $0.path)])) })
            }
            models[id] = .object(model)
        }
        guard !models.isEmpty else { return nil }
        return .object(JSONObject([("application/vnd.jupyter.widget-state+json", .object(JSONObject([
            ("state", .object(models)), ("version_major", 2), ("version_minor", 0),
        ])))]))
    }

    /// nbformat's `output_from_msg`, texts kept whole (widget state is not line-split on disk).
    private static func output(_ m: JupyterMessage) -> JSONValue? {
        let c = m.content
        let data = JSONValue.object(c["data"]?.objectValue ?? JSONObject())
        let metadata = JSONValue.object(c["metadata"]?.objectValue ?? JSONObject())
        switch m.msgType {
        case "stream":
            return .object(JSONObject([("output_type", "stream"), ("name", c["name"] ?? "stdout"), ("text", c["text"] ?? "")]))
        case "display_data":
            return .object(JSONObject([("output_type", "display_data"), ("data", data), ("metadata", metadata)]))
        case "execute_result":
            return .object(JSONObject([("output_type", "execute_result"), ("execution_count", c["execution_count"] ?? .null),
                                       ("data", data), ("metadata", metadata)]))
        case "error":
            return .object(JSONObject([("output_type", "error"), ("ename", c["ename"] ?? ""), ("evalue", c["evalue"] ?? ""),
                                       ("traceback", c["traceback"] ?? .array([]))]))
        default:
            return nil
        }
    }
}
