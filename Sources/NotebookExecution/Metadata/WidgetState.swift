import JupyterKernel
import NotebookFormat

/// `metadata.widgets` from the comms a run opened, as nbclient stores widget state (reference §6.7):
/// only models whose state names a `_model_name` are kept.
enum WidgetState {
    static func metadata(from comms: [String: CommRecord]) -> JSONValue? {
        var models = JSONObject()
        for id in comms.keys.sorted() {
            let state = comms[id]!.state
            guard state["_model_name"] != nil else { continue }
            models[id] = .object(JSONObject([
                ("model_name", state["_model_name"] ?? .null),
                ("model_module", state["_model_module"] ?? .null),
                ("model_module_version", state["_model_module_version"] ?? .null),
                ("state", .object(state)),
            ]))
        }
        guard !models.isEmpty else { return nil }
        return .object(JSONObject([("application/vnd.jupyter.widget-state+json", .object(JSONObject([
            ("state", .object(models)), ("version_major", 2), ("version_minor", 0),
        ])))]))
    }
}
