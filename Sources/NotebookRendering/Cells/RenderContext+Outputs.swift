import NotebookFormat

extension RenderContext {
    func output(_ output: Output, cell: Int, index: Int, into out: inout HTMLBuffer) {
        switch output {
        case .stream(let name, let text):
            out.raw(name == "stderr" ? "<div class=\"output output-stream output-stderr\"><pre>" : "<div class=\"output output-stream\"><pre>")
            ANSIConverter.append(Self.overprinted(text), to: &out)
            out.raw("</pre></div>\n")
        case .displayData(let data, let metadata):
            out.raw("<div class=\"output output-display\">")
            bundle(data, metadata: metadata, cell: cell, index: index, into: &out)
            out.raw("</div>\n")
        case .executeResult(let count, let data, let metadata):
            out.raw("<div class=\"output output-result\"><div class=\"prompt output-prompt\">")
            out.raw(prompt("Out", count))
            out.raw("</div>")
            bundle(data, metadata: metadata, cell: cell, index: index, into: &out)
            out.raw("</div>\n")
        case .error(let ename, let evalue, let traceback):
            out.raw("<div class=\"output output-error\" role=\"alert\"><p class=\"error-summary\"><strong>")
            out.text(ename)
            out.raw("</strong>: ")
            ANSIConverter.append(evalue, to: &out)
            out.raw("</p><pre class=\"traceback\">")
            ANSIConverter.append(traceback.joined(separator: "\n"), to: &out)
            out.raw("</pre></div>\n")
        case .unrecognized(let o):
            out.raw("<div class=\"output output-unknown\"><p class=\"notice\">Output of unknown type “")
            out.text(o["output_type"]?.stringValue ?? "?")
            out.raw("”, not shown.</p></div>\n")
        }
    }

    func bundle(_ data: MimeBundle, metadata: JSONObject, cell: Int, index: Int, into out: inout HTMLBuffer) {
        guard let mime = DisplayPriority.choose(data), let value = data[mime] else {
            out.raw("<p class=\"notice\">No displayable representation (")
            out.text(data.keys.joined(separator: ", "))
            out.raw(").</p>")
            return
        }
        let text = value.stringValue
        switch mime {
        case DisplayPriority.widgetView:
            widget(value, fallback: data["text/plain"]?.stringValue, into: &out)
        case "text/html", "image/svg+xml", "application/javascript":
            let title = SandboxedFrame.title(mime)
            if !options.standalone, let url = options.frameURL?(cell, index) {
                SandboxedFrame.write(url: url, title: title, into: &out)
            } else {
                SandboxedFrame.write(html: SandboxedFrame.content(mime, text ?? ""), title: title, into: &out)
            }
        case "image/png", "image/jpeg", "image/gif":
            image(text ?? "", mime: mime, metadata: metadata, alt: data["text/plain"]?.stringValue, cell: cell, index: index, into: &out)
        case "text/markdown":
            out.raw("<div class=\"output-markdown markdown\">")
            out.raw(MarkdownRenderer.html(text ?? "", idPrefix: options.anchorPrefix + "user-content-"))
            out.raw("</div>")
        case "text/latex":
            // Left as TeX for KaTeX or MathJax when the page loads one; readable as source otherwise.
            out.raw("<div class=\"output-latex\">")
            out.text(text ?? "")
            out.raw("</div>")
        case "application/json":
            out.raw("<pre class=\"output-json\">")
            out.text(String(decoding: value.serialized(.notebook), as: UTF8.self))
            out.raw("</pre>")
        default:
            out.raw("<pre class=\"output-text\">")
            ANSIConverter.append(text ?? String(decoding: value.serialized(.notebook), as: UTF8.self), to: &out)
            out.raw("</pre>")
        }
    }

    func widget(_ view: JSONValue, fallback: String?, into out: inout HTMLBuffer) {
        out.raw("<div class=\"widget-placeholder\" role=\"note\">Interactive widget")
        if let id = view["model_id"]?.stringValue {
            out.raw(" (model <code>")
            out.text(id)
            out.raw("</code>)")
        }
        out.raw(": widgets need a running kernel and are not shown in a saved notebook.</div>")
        if let fallback {
            out.raw("<pre class=\"output-text\">")
            ANSIConverter.append(fallback, to: &out)
            out.raw("</pre>")
        }
    }

    /// Terminal progress bars rewrite their line with `\r`; a page shows what the terminal ended with.
    static func overprinted(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in line.split(separator: "\r", omittingEmptySubsequences: false).last(where: { !$0.isEmpty }).map(String.init) ?? "" }
            .joined(separator: "\n")
    }
}
