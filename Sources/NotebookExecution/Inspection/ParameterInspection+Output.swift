import NotebookFormat

extension ParameterInspection {
    /// papermill's `--help-notebook` text after the usage line, for `inspection` (nil: no
    /// `parameters` cell). Where papermill prints `Unknown type`, Quire prints the type read from
    /// the default literal when there is one (`inferTypes: false` prints exactly papermill's text).
    public static func helpText(notebookPath: String, inspection: ParameterInspection?, inferTypes: Bool = true) -> String {
        var lines = ["", "Parameters inferred for notebook '\(notebookPath)':"]
        guard let inspection else {
            lines += ["", "  No cell tagged 'parameters'"]
            return lines.joined(separator: "\n") + "\n"
        }
        if inspection.parameters.isEmpty {
            lines += ["", "  Can't infer anything about this notebook's parameters. It may not have any parameter defined."]
        }
        for p in inspection.parameters {
            let type = inferTypes ? p.typeName : (p.inferredTypeName == "None" ? nil : p.inferredTypeName)
            let definition = "  \(p.name): \(type ?? "Unknown type") (default \(p.defaultValue))"
            let width = definition.unicodeScalars.count
            if width > 30 {
                lines.append(p.help.isEmpty ? definition : definition + "\n" + String(repeating: " ", count: 34) + p.help)
            } else {
                lines.append(definition + String(repeating: " ", count: max(0, 34 - width)) + p.help)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// papermill's `inspect_notebook` result, `{name: {name, inferred_type_name, default, help}}`,
    /// with Quire's best type added as `type` (null when unknown).
    public var jsonValue: JSONValue {
        var object = JSONObject()
        for p in parameters {
            object[p.name] = .object(JSONObject([
                ("name", .string(p.name)),
                ("inferred_type_name", .string(p.inferredTypeName)),
                ("default", .string(p.defaultValue)),
                ("help", .string(p.help)),
                ("type", p.typeName.map(JSONValue.string) ?? .null),
            ]))
        }
        return .object(object)
    }
}
