extension RunNowForm {
    /// The form, every field labelled, errors tied to their fields with `aria-describedby`.
    func html(action: String, context: QuireContext) -> String {
        var out = "<form class=\"stacked run-now\" method=\"post\" action=\"\(WebHTML.escape(action))\" novalidate>\n"
        out += WebLayout.csrfField(context) + "\n"
        if hasErrors {
            out += "<div class=\"form-errors\" role=\"alert\" id=\"form-errors\"><p>The run was not started:</p><ul>"
            if let formError { out += "<li>\(WebHTML.escape(formError))</li>" }
            for f in fields { if let e = f.error { out += "<li><a href=\"#\(f.id)\">\(WebHTML.escape(f.name))</a>: \(WebHTML.escape(e))</li>" } }
            out += "</ul></div>\n"
        }
        if fields.isEmpty { out += "<p class=\"muted\">The notebook declares no parameters.</p>\n" }
        for f in fields { out += field(f) }
        out += "<p><button type=\"submit\" class=\"primary\">Run now</button></p>\n</form>\n"
        return out
    }

    private func field(_ f: Field) -> String {
        let described = f.error == nil ? "\(f.id)-hint" : "\(f.id)-hint \(f.id)-error"
        let invalid = f.error == nil ? "" : " aria-invalid=\"true\""
        var hint = f.typeName ?? "any type"
        if !f.defaultSource.isEmpty { hint += " · default \(f.defaultSource)" }
        if !f.help.isEmpty { hint += " · \(f.help)" }
        if f.kind != .boolean { hint += " · leave blank for the default" }
        var out = "<div class=\"field\">"
        if f.kind == .boolean {
            out += "<label for=\"\(f.id)\"><input type=\"checkbox\" id=\"\(f.id)\" name=\"\(WebHTML.escape(f.key))\" value=\"true\""
            out += (f.checked ? " checked" : "") + " aria-describedby=\"\(described)\"\(invalid)> \(WebHTML.escape(f.name))</label>"
        } else {
            out += "<label for=\"\(f.id)\">\(WebHTML.escape(f.name))</label>"
        }
        out += "<span class=\"hint\" id=\"\(f.id)-hint\">\(WebHTML.escape(hint))</span>"
        let common = "id=\"\(f.id)\" name=\"\(WebHTML.escape(f.key))\" aria-describedby=\"\(described)\"\(invalid)"
        switch f.kind {
        case .integer: out += "<input type=\"number\" step=\"1\" \(common) value=\"\(WebHTML.escape(f.value))\">"
        case .number: out += "<input type=\"number\" step=\"any\" \(common) value=\"\(WebHTML.escape(f.value))\">"
        case .text: out += "<input type=\"text\" \(common) value=\"\(WebHTML.escape(f.value))\">"
        case .json: out += "<textarea \(common) placeholder=\"\(WebHTML.escape(f.defaultSource))\">\(WebHTML.escape(f.value))</textarea>"
        case .boolean: break
        }
        if let e = f.error { out += "<span class=\"field-error\" id=\"\(f.id)-error\">\(WebHTML.escape(e))</span>" }
        return out + "</div>\n"
    }
}
