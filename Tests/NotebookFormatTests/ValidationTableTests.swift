import Testing
@testable import NotebookFormat

/// Broken notebooks and the exact message each must produce. None may crash or hang.
@Suite struct ValidationTableTests {
    static func nb(_ cells: String, meta: String = "{}", minor: Int = 5, extra: String = "") -> String {
        #"{"cells": [\#(cells)], "metadata": \#(meta), "nbformat": 4, "nbformat_minor": \#(minor)\#(extra)}"#
    }
    static let code = #"{"cell_type": "code", "id": "c1", "metadata": {}, "source": "x", "outputs": [], "execution_count": null}"#
    static func codeWith(outputs: String) -> String {
        #"{"cell_type": "code", "id": "c1", "metadata": {}, "source": "x", "outputs": [\#(outputs)], "execution_count": 1}"#
    }

    static let cases: [(String, String, String)] = [
        ("empty file", "", "t.ipynb: not a notebook: invalid JSON: expecting a value but the input ended at line 1, column 1"),
        ("truncated JSON", #"{"cells": [{"cell_type": "#, "t.ipynb: not a notebook: invalid JSON: expecting a value but the input ended at line 1, column 26"),
        ("trailing comma", #"{"cells": [1,]}"#, "t.ipynb: not a notebook: invalid JSON: expecting a value at line 1, column 14"),
        ("not UTF-8", "{\"a\": \"\u{FFFD}\"}".replacingOccurrences(of: "\u{FFFD}", with: "\u{1}"), "t.ipynb: not a notebook: invalid JSON: invalid control character in string at line 1, column 8"),
        ("extra data", "{} {}", "t.ipynb: not a notebook: invalid JSON: extra data after the JSON document at line 1, column 4"),
        ("top level array", "[]", "t.ipynb: (top level): expected a notebook object, found an array of 0"),
        ("no nbformat", #"{"cells": []}"#, #"t.ipynb: (top level): missing "nbformat" (the notebook format version, 4)"#),
        ("nbformat as string", #"{"nbformat": "4"}"#, #"t.ipynb: nbformat: expected an integer, found "4""#),
        ("nbformat 5", #"{"nbformat": 5, "nbformat_minor": 0}"#, "t.ipynb: unsupported notebook format 5; Quire reads nbformat 4.0–4.5 and upgrades 2 and 3"),
        ("no nbformat_minor", #"{"nbformat": 4, "cells": [], "metadata": {}}"#, #"t.ipynb: (top level): the notebook is missing the required member "nbformat_minor""#),
        ("nbformat_minor float", #"{"nbformat": 4, "nbformat_minor": 4.0, "cells": [], "metadata": {}}"#, "t.ipynb: nbformat_minor: expected an integer, found 4.0"),
        ("missing cells", #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}"#, #"t.ipynb: (top level): the notebook is missing the required member "cells""#),
        ("cells not a list", #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": {}}"#, "t.ipynb: cells: expected an array, found an object"),
        ("unknown top-level key", nb("", extra: #", "worksheets": []"#), #"t.ipynb: worksheets: unexpected member "worksheets" in the notebook (nbformat 4.5 allows: metadata, nbformat_minor, nbformat, cells)"#),
        ("metadata a list", nb("", meta: "[]"), "t.ipynb: metadata: expected an object, found an array of 0"),
        ("kernelspec without name", nb("", meta: #"{"kernelspec": {"display_name": "P"}}"#), #"t.ipynb: metadata.kernelspec: kernelspec is missing the required member "name""#),
        ("language_info name int", nb("", meta: #"{"language_info": {"name": 3}}"#), "t.ipynb: metadata.language_info.name: expected a string, found 3"),
        ("cell is a string", nb(#""x""#), #"t.ipynb: cells[0]: expected a cell object, found "x""#),
        ("unknown cell type", nb(#"{"cell_type": "heading", "metadata": {}, "source": ""}"#), #"t.ipynb: cells[0].cell_type: expected one of "code", "markdown", "raw", found "heading""#),
        ("missing cell_type", nb(#"{"metadata": {}, "source": ""}"#), #"t.ipynb: cells[0]: cell is missing the required member "cell_type" (one of "code", "markdown", "raw")"#),
        ("markdown without source", nb(#"{"cell_type": "markdown", "id": "m", "metadata": {}}"#), #"t.ipynb: cells[0]: a markdown cell is missing the required member "source""#),
        ("code without outputs", nb(#"{"cell_type": "code", "id": "c", "metadata": {}, "source": "", "execution_count": null}"#), #"t.ipynb: cells[0]: a code cell is missing the required member "outputs""#),
        ("source a number", nb(#"{"cell_type": "markdown", "id": "m", "metadata": {}, "source": 1}"#), "t.ipynb: cells[0].source: expected a string or an array of strings, found 1"),
        ("source list with a number", nb(#"{"cell_type": "raw", "id": "r", "metadata": {}, "source": ["a\n", 2]}"#), "t.ipynb: cells[0].source[1]: expected a string (one line of text), found 2"),
        ("list where a string is expected", nb(codeWith(outputs: #"{"output_type": "error", "ename": ["E"], "evalue": "v", "traceback": []}"#)), #"t.ipynb: cells[0].outputs[0].ename: expected a string, found an array of 1"#),
        ("negative execution_count", nb(#"{"cell_type": "code", "id": "c", "metadata": {}, "source": "", "outputs": [], "execution_count": -1}"#), "t.ipynb: cells[0].execution_count: expected an integer ≥ 0 or null, found -1"),
        ("execution_count a string", nb(#"{"cell_type": "code", "id": "c", "metadata": {}, "source": "", "outputs": [], "execution_count": "1"}"#), #"t.ipynb: cells[0].execution_count: expected an integer or null, found "1""#),
        ("unknown output type", nb(codeWith(outputs: #"{"output_type": "pyout", "data": {}}"#)), #"t.ipynb: cells[0].outputs[0].output_type: expected one of "execute_result", "display_data", "stream", "error", found "pyout""#),
        ("stream without name", nb(codeWith(outputs: #"{"output_type": "stream", "text": "hi"}"#)), #"t.ipynb: cells[0].outputs[0]: a stream output is missing the required member "name""#),
        ("display_data extra member", nb(codeWith(outputs: #"{"output_type": "display_data", "data": {}, "metadata": {}, "transient": {}}"#)), #"t.ipynb: cells[0].outputs[0].transient: unexpected member "transient" in a display_data output (nbformat 4.5 allows: output_type, data, metadata)"#),
        ("mime value a number", nb(codeWith(outputs: #"{"output_type": "display_data", "data": {"text/plain": 5}, "metadata": {}}"#)), #"t.ipynb: cells[0].outputs[0].data["text/plain"]: expected a string or an array of strings, found 5"#),
        ("traceback with a number", nb(codeWith(outputs: #"{"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["a", 1]}"#)), "t.ipynb: cells[0].outputs[0].traceback[1]: expected a string, found 1"),
        ("duplicate cell ids", nb(code + "," + code), #"t.ipynb: cells[1].id: duplicate cell id "c1" (already used by cells[0]); cell ids must be unique"#),
        ("bad cell id characters", nb(#"{"cell_type": "markdown", "id": "a b", "metadata": {}, "source": ""}"#), #"t.ipynb: cells[0].id: expected a cell id of 1 to 64 characters from a-z, A-Z, 0-9, '-', '_', found "a b""#),
        ("cell id too long", nb(#"{"cell_type": "markdown", "id": "\#(String(repeating: "a", count: 65))", "metadata": {}, "source": ""}"#), #"t.ipynb: cells[0].id: expected a cell id of 1 to 64 characters from a-z, A-Z, 0-9, '-', '_', found "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…""#),
        ("id in a 4.4 notebook", nb(#"{"cell_type": "markdown", "id": "m", "metadata": {}, "source": ""}"#, minor: 4), #"t.ipynb: cells[0].id: unexpected member "id" in a markdown cell (nbformat 4.4 allows: cell_type, metadata, source, attachments)"#),
        ("duplicate tags", nb(#"{"cell_type": "markdown", "id": "m", "metadata": {"tags": ["a", "a"]}, "source": ""}"#), #"t.ipynb: cells[0].metadata.tags[1]: duplicate tag "a"; tags must be unique"#),
        ("tag with a comma", nb(#"{"cell_type": "markdown", "id": "m", "metadata": {"tags": ["a,b"]}, "source": ""}"#), #"t.ipynb: cells[0].metadata.tags[0]: expected a non-empty tag without commas, found "a,b""#),
        ("scrolled wrong", nb(#"{"cell_type": "code", "id": "c", "metadata": {"scrolled": "yes"}, "source": "", "outputs": [], "execution_count": null}"#), #"t.ipynb: cells[0].metadata.scrolled: expected true, false or "auto", found "yes""#),
        ("execution timing not a string", nb(#"{"cell_type": "code", "id": "c", "metadata": {"execution": {"iopub.status.busy": 1}}, "source": "", "outputs": [], "execution_count": null}"#), #"t.ipynb: cells[0].metadata.execution["iopub.status.busy"]: expected a string, found 1"#),
        ("attachments not a bundle", nb(#"{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "", "attachments": {"a.png": "x"}}"#), #"t.ipynb: cells[0].attachments["a.png"]: expected an object, found "x""#),
        ("v3 without worksheets", #"{"nbformat": 3, "nbformat_minor": 0, "metadata": {}}"#, #"t.ipynb: (top level): cannot upgrade nbformat 3 to 4: the notebook has no "worksheets""#),
        ("deep nesting", String(repeating: "[", count: 5000), "t.ipynb: not a notebook: invalid JSON: nesting deeper than 900 levels at line 1, column 901"),
        ("lone surrogate", #"{"a": "\ud800"}"#, #"t.ipynb: not a notebook: invalid JSON: lone surrogate \ud800 in string at line 1, column 8"#),
    ]

    @Test func tableIsLargeEnough() { #expect(Self.cases.count >= 25) }

    @Test(arguments: cases.indices)
    func brokenNotebookGivesExactError(index: Int) {
        let (name, text, expected) = Self.cases[index]
        do {
            let loaded = try Notebook.load(Array(text.utf8), file: "t.ipynb")
            Issue.record("\(name): accepted; warnings: \(loaded.warnings)")
        } catch {
            #expect(error.description == expected, "\(name)")
        }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: NotebookFormatError.self) { try Notebook.load(bytes, file: "t.ipynb") }
        do { _ = try Notebook.load(bytes, file: "t.ipynb") } catch {
            #expect(error.description == "t.ipynb: not a notebook: invalid JSON: invalid UTF-8 sequence at line 1, column 8")
        }
    }

    @Test func everyProblemIsReported() {
        let text = Self.nb(#"{"cell_type": "markdown", "id": "m", "metadata": [], "source": 1}, 7"#)
        do { _ = try Notebook.load(Array(text.utf8), file: "t.ipynb") } catch {
            guard case .invalid(_, let issues) = error else { Issue.record("wrong error \(error)"); return }
            #expect(issues.map(\.path) == ["cells[0].source", "cells[0].metadata", "cells[1]"])
        }
    }

    @Test func missingIDIn45IsRepairedWithAWarning() throws {
        let text = Self.nb(#"{"cell_type": "markdown", "metadata": {}, "source": "a"}"#)
        let loaded = try Notebook.load(Array(text.utf8), file: "t.ipynb")
        #expect(loaded.notebook.cells[0].id?.count == 8)
        #expect(loaded.warnings.count == 1)
    }

    @Test func futureMinorAllowsUnknownMembers() throws {
        let text = Self.nb(#"{"cell_type": "slide", "metadata": {}, "shape": 1}"#, minor: 9, extra: #", "later": true"#)
        let loaded = try Notebook.load(Array(text.utf8), file: "t.ipynb")
        #expect(loaded.notebook.extra["later"] == .bool(true))
        #expect(loaded.notebook.cells[0].extra["shape"] == .int(1))
    }
}
