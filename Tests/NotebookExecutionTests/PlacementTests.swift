import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// Where the injected cell goes and what else papermill changes before a run (reference §2).
@Suite struct PlacementTests {
    static let options = InjectionOptions(inputPath: "in.ipynb", outputPath: "out_eu.ipynb", version: "2.7.0")
    static var oneParameter: ParameterSet {
        var p = ParameterSet()
        p.set("x", 2)
        return p
    }

    @Test func afterTheFirstParametersCell() throws {
        let nb = makeNotebook(cells: [("import os", []), ("x = 1", ["parameters"]), ("y = 1", ["parameters"]), ("print(x)", [])])
        let r = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        #expect(r.injectedCellIndex == 2)
        #expect(r.notebook.cells.map(\.source) == ["import os", "x = 1", "# Parameters\nx = 2\n", "y = 1", "print(x)"])
        #expect(r.warnings.isEmpty)
        let cell = r.notebook.cells[2]
        #expect(JSONValue.object(cell.metadata) == ["tags": ["injected-parameters"]])
        #expect(cell.isCode && cell.outputs.isEmpty && cell.executionCount == nil)
    }

    @Test func replacesTheFirstInjectedCellInPlace() throws {
        let nb = makeNotebook(cells: [("x = 1", ["parameters"]), ("x = 5", ["injected-parameters"]),
                                      ("print(x)", []), ("x = 6", ["injected-parameters"])])
        let r = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        #expect(r.injectedCellIndex == 1)
        #expect(r.notebook.cells.map(\.source) == ["x = 1", "# Parameters\nx = 2\n", "print(x)", "x = 6"])
        #expect(r.notebook.cells[1].id != "cell1")
    }

    @Test func atTheTopWithAWarning() throws {
        let nb = makeNotebook(cells: [("print(x)", [])])
        let r = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        #expect(r.injectedCellIndex == 0)
        #expect(r.notebook.cells.map(\.source) == ["# Parameters\nx = 2\n", "print(x)"])
        #expect(r.warnings == ["Passed unknown parameter: x", "Input notebook does not contain a cell with tag 'parameters'"])
    }

    @Test func unknownParameterWarnings() throws {
        var params = Self.oneParameter
        params.set("zz", "new")
        let nb = makeNotebook(cells: [("x = 1\na = b = 3\n", ["parameters"])])
        let r = try ParameterInjector.parameterize(nb, with: params, options: Self.options)
        #expect(r.warnings == ["Unable to parse line 2 'a = b = 3'.", "Passed unknown parameter: zz"])
        // Other languages cannot be inspected: every parameter is unknown, as in papermill.
        let rnb = makeNotebook(kernel: ("ir", "R"), cells: [("x = 1", ["parameters"])])
        let rr = try ParameterInjector.parameterize(rnb, with: params, options: Self.options)
        #expect(rr.warnings == ["Translator for 'R' language does not support parameter introspection.",
                                "Passed unknown parameter: x", "Passed unknown parameter: zz"])
    }

    @Test func papermillMetadataAndErrorBannersRemoved() throws {
        var nb = makeNotebook(cells: [("banner", ["papermill-error-cell-tag"]), ("x = 1", ["parameters"]), ("print(x)", []),
                                      ("banner 2", ["papermill-error-cell-tag"])])
        nb.cells[0].cellType = "markdown"
        nb.cells[3].cellType = "markdown"
        nb.cells[2].metadata["papermill"] = ["status": "failed"]
        let r = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        #expect(r.notebook.cells.map(\.source) == ["x = 1", "# Parameters\nx = 2\n", "print(x)"])
        #expect(r.injectedCellIndex == 1)
        let expected: [(String, JSONValue)] = [
            ("default_parameters", [:]), ("parameters", ["x": 2]), ("environment_variables", [:]),
            ("version", "2.7.0"), ("input_path", "in.ipynb"), ("output_path", "out_eu.ipynb"),
        ]
        let block = try #require(r.notebook.metadata["papermill"]?.objectValue)
        #expect(block.keys == expected.map(\.0))
        #expect(block == JSONObject(expected))
        #expect(JSONValue.object(r.notebook.cells[0].metadata) == ["tags": ["parameters"], "papermill": [:]])
        #expect(JSONValue.object(r.notebook.cells[2].metadata) == ["tags": [], "papermill": ["status": "failed"]])
    }

    /// An existing `metadata.papermill` is kept (stale version and unknown keys survive);
    /// with no parameters nothing is injected and `parameters` stays as it was.
    @Test func existingPapermillBlockAndNoParameters() throws {
        var nb = makeNotebook(cells: [("x = 1", ["parameters"])])
        nb.metadata["papermill"] = ["version": "1.0", "custom": true, "parameters": ["old": 1]]
        let r = try ParameterInjector.parameterize(nb, with: ParameterSet(), options: Self.options)
        #expect(r.injectedCellIndex == nil)
        #expect(r.notebook.cells.count == 1)
        #expect(r.notebook.metadata["papermill"] == ["version": "1.0", "custom": true, "parameters": ["old": 1],
                                                      "input_path": "in.ipynb", "output_path": "out_eu.ipynb"])
        let r2 = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        #expect(r2.notebook.metadata["papermill"]!["parameters"] == ["x": 2])
        #expect(r2.notebook.metadata["papermill"]!["version"] == "1.0")
    }

    @Test func reportModeHidesEveryCodeCell() throws {
        var nb = makeNotebook(cells: [("x = 1", ["parameters"]), ("# Title", []), ("print(x)", [])])
        nb.cells[1].cellType = "markdown"
        nb.cells[2].metadata["jupyter"] = ["outputs_hidden": true]
        var opts = Self.options
        opts.reportMode = true
        let r = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: opts)
        let hidden: JSONValue = ["source_hidden": true]
        #expect(r.notebook.cells.map { $0.metadata["jupyter"] } == [hidden, hidden, nil, hidden])
        #expect(r.notebook.cells[1].tags == ["injected-parameters"])
    }

    /// The injected id is derived from the notebook: the same input gives the same id, and it never
    /// collides with a cell that stays.
    @Test func deterministicInjectedID() throws {
        let nb = makeNotebook(cells: [("x = 1", ["parameters"]), ("print(x)", [])])
        let a = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        let b = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        let id = try #require(a.notebook.cells[1].id)
        #expect(id == b.notebook.cells[1].id)
        #expect(id.count == 8 && id.allSatisfy(\.isHexDigit))
        #expect(Set(a.notebook.cells.compactMap(\.id)).count == 3)
        // A notebook already holding that id gets another one.
        var clash = nb
        clash.cells[1].id = id
        let c = try ParameterInjector.parameterize(clash, with: Self.oneParameter, options: Self.options)
        #expect(Set(c.notebook.cells.compactMap(\.id)).count == 3)
        // Before nbformat 4.5 cells have no ids, and the injected one gets none either.
        let old = makeNotebook(cells: [("x = 1", ["parameters"])], minor: 4)
        let d = try ParameterInjector.parameterize(old, with: Self.oneParameter, options: Self.options)
        #expect(d.notebook.cells[1].id == nil)
    }

    /// Re-running an output notebook with new parameters leaves exactly one injected cell.
    @Test func rerunKeepsOneInjectedCell() throws {
        let nb = makeNotebook(cells: [("x = 1", ["parameters"]), ("print(x)", [])])
        let first = try ParameterInjector.parameterize(nb, with: Self.oneParameter, options: Self.options)
        var again = ParameterSet()
        again.set("x", 3)
        let second = try ParameterInjector.parameterize(first.notebook, with: again, options: Self.options)
        #expect(second.notebook.cells.map(\.source) == ["x = 1", "# Parameters\nx = 3\n", "print(x)"])
    }
}
