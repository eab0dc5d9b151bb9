import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// Every case of papermill-vectors/test_vectors/injection_vectors.json, through the same path a run
/// takes: the YAML file via `-f`, then injection into a notebook with the case's kernelspec.
@Suite struct InjectionVectorTests {
    static let document: JSONObject = {
        let bytes = FileManager.default.contents(atPath: "\(Repo.vectors)/injection_vectors.json")!
        return try! JSONValue.parse(Array(bytes)).objectValue!
    }()

    /// Cases whose notebook_kernel is null name the translator only by language_key.
    static let kernelByLanguageKey: [String: (name: String, language: String)] = [
        "bash": ("bash", "bash"), "csharp": (".net-csharp", "C#"),
    ]

    static func inject(_ parameters: ParameterSet, kernel: (name: String, language: String)) throws -> ParameterizedNotebook {
        let nb = makeNotebook(kernel: kernel, cells: [("x = 1\n", ["parameters"]), ("print(x)\n", [])])
        return try ParameterInjector.parameterize(nb, with: parameters,
                                                  options: InjectionOptions(inputPath: "in.ipynb", outputPath: "out.ipynb", version: "test"))
    }

    static func parameters(fromFile name: String) throws -> ParameterSet {
        try ParameterAssembler().assemble(ParameterSources(files: ["\(Repo.vectors)/\(name)"])).parameters
    }

    @Test func everyCase() throws {
        let cases = Self.document["cases"]!.arrayValue!
        #expect(cases.count == 21)
        var compared = 0, refused = 0
        for entry in cases {
            let c = entry.objectValue!
            let languageKey = c["language_key"]!.stringValue!
            let file = c["param_file"]!.stringValue!
            let kernel: (name: String, language: String)
            if let k = c["notebook_kernel"]?.objectValue {
                kernel = (k["name"]!.stringValue!, k["language"]!.stringValue!)
            } else {
                kernel = Self.kernelByLanguageKey[languageKey]!
            }
            let params = try Self.parameters(fromFile: file)
            if c["error"] != nil {
                #expect(throws: ParameterError.self, "\(languageKey) \(file)") { try Self.inject(params, kernel: kernel) }
                refused += 1
                continue
            }
            let expected = c["injected_source_lines"]!.arrayValue!.map { $0.stringValue! }
            let result = try Self.inject(params, kernel: kernel)
            let cell = result.notebook.cells[result.injectedCellIndex!]
            #expect(sourceLines(cell.source) == expected, "\(languageKey) \(file)")
            #expect(result.injectedCellIndex == 1)
            compared += 1
        }
        #expect(compared == 19 && refused == 2)
    }

    /// The two refusals say which parameter and why, as the CLI prints them (exit 2).
    @Test func refusalsNameTheParameter() throws {
        let params = try Self.parameters(fromFile: "main.yaml")
        #expect(throws: ParameterError.unsupportedValue(parameter: "d", language: "bash",
            detail: "a dict (papermill: \"dict type translation not implemented\" for bash)")) {
            try Self.inject(params, kernel: ("bash", "bash"))
        }
        #expect(throws: ParameterError.unsupportedValue(parameter: "n", language: "C#",
            detail: "null/None (papermill: \"Option type not implemented for C#.\")")) {
            try Self.inject(params, kernel: (".net-csharp", "C#"))
        }
        let message = ParameterError.unsupportedValue(parameter: "d", language: "bash", detail: "a dict (papermill: \"dict type translation not implemented\" for bash)").description
        #expect(message == "parameter 'd': the bash translator cannot express a dict (papermill: \"dict type translation not implemented\" for bash)")
    }

    /// papermill without black (Quire never formats): the long list stays on one line.
    @Test func blackComparisonWithoutBlack() throws {
        let c = Self.document["black_comparison"]!["python_without_black"]!.objectValue!
        let params = try Self.parameters(fromFile: c["param_file"]!.stringValue!)
        let result = try Self.inject(params, kernel: ("python3", "python"))
        let expected = c["injected_source_lines"]!.arrayValue!.map { $0.stringValue! }
        #expect(sourceLines(result.notebook.cells[1].source) == expected)
    }

    /// The verbatim command of reference section 1 / `cli_resolution`: precedence, coercion and
    /// the values recorded in metadata.
    @Test func cliResolution() throws {
        let c = Self.document["cli_resolution"]!.objectValue!
        let yb64 = Data("yb64: 1\nover: from_b64\n".utf8).base64EncodedString()
        let p = ParameterSources.Pair.init
        let sources = ParameterSources(
            injectedInputPath: "params_py.ipynb", injectedOutputPath: "prep_cli.ipynb",
            base64: [yb64], files: ["\(Repo.vectors)/main_nodict.yaml"],
            yaml: ["{over: from_yaml, ydate: 2024-01-01, yint: \"5\"}"],
            values: [p("over", "from_p"), p("a", "True"), p("b1", "true"), p("c", "None"), p("d1", "1_000"),
                     p("e", "0x10"), p("f2", "1e3"), p("g", "nan"), p("h", " 7"), p("k", "-inf"), p("m", "01"),
                     p("q", "[1,2]")],
            raw: [p("raw1", "42"), p("over2", "True")])
        let params = try ParameterAssembler().assemble(sources).parameters
        let result = try Self.inject(params, kernel: ("python3", "python"))
        let expected = c["injected_source_lines"]!.arrayValue!.map { $0.stringValue! }
        #expect(sourceLines(result.notebook.cells[1].source) == expected)

        // papermill wrote the metadata with sorted keys and NaN/-Infinity tokens; compare values.
        let written = try JSONValue.parse(c["metadata_parameters_as_written_by_papermill"]!.stringValue!).objectValue!
        let recorded = result.notebook.metadata["papermill"]!["parameters"]!.objectValue!
        #expect(recorded.keys.sorted() == written.keys.sorted())
        for (key, value) in written {
            #expect(recorded[key]!.pythonTagged == value.pythonTagged, "\(key)")
        }
        // Written as papermill writes it: bare NaN / -Infinity tokens.
        let text = String(decoding: result.notebook.serialized(), as: UTF8.self)
        #expect(text.contains("\"g\": NaN") && text.contains("\"k\": -Infinity"))
    }
}
