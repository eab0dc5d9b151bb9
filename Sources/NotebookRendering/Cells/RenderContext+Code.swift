import NotebookFormat

extension RenderContext {
    func code(_ cell: Cell, index i: Int, display: CellDisplay, into out: inout HTMLBuffer) {
        let status = options.showRunMetadata ? RunMetadata.CellRun(cell) : nil
        out.raw("<div class=\"cell code-cell")
        if let s = status?.status { out.raw(" run-\(s)") }
        out.raw("\" id=\"\(anchor(i))\">\n")
        if let status { RunMetadata.cellStatus(status, into: &out) }
        if display.input != .removed {
            if display.input == .collapsed { out.raw("<details class=\"input-collapsed\"><summary>Show code</summary>") }
            out.raw("<div class=\"input\"><div class=\"prompt input-prompt\">")
            out.raw(prompt("In", cell.executionCount))
            out.raw("</div><pre class=\"source\"><code class=\"language-\(language)\">")
            out.text(cell.source)
            out.raw("</code></pre></div>")
            if display.input == .collapsed { out.raw("</details>") }
            out.raw("\n")
        }
        if display.outputs != .removed, !cell.outputs.isEmpty {
            if display.outputs == .collapsed { out.raw("<details class=\"outputs-collapsed\"><summary>Show output</summary>") }
            out.raw("<div class=\"outputs\">\n")
            for (k, output) in cell.outputs.enumerated() { self.output(output, cell: i, index: k, into: &out) }
            out.raw("</div>")
            if display.outputs == .collapsed { out.raw("</details>") }
            out.raw("\n")
        }
        out.raw("</div>\n")
    }

    /// `In [3]:`, `In [ ]:` for a cell never run.
    func prompt(_ word: String, _ count: Int?) -> String {
        "\(word)&nbsp;[\(count.map(String.init) ?? "&nbsp;")]:"
    }
}
