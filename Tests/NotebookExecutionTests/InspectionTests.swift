import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// Parameter inspection against papermill's own `inspect_notebook` and `--help-notebook`.
@Suite struct InspectionTests {
    static let cells: [String?] = [
        // Reference §4's cell.
        """
        alpha: float = 0.5  # learning rate
        name = "world"  # type: str  who to greet
        count: int = 10
        items = [
            1, 2,  # comment dropped
            3
        ]  # the list
        flag = True
        opt: "Optional[str]" = None
        a = b = 3
        """,
        // Upstream's complex_parameters-like cell, plus quirks of the regex.
        """
        # Parameters
        a: float = 0.1 # some help
        b: List[str] = ['Hello','World'] # Nice list
        c: "NoneType" = None
        d = {"a": 1, "b": 2}  # type: dict
        e = 'hash # in string'
        f: int = 3 # type: float conflicting
        g = [

            1,  # one
            2,
        ] # list help
        h = 1 if True else 2
        i='no spaces'#help
        j: Optional[Dict[str, int]] = None
          k = 4
        long_parameter_name_here = "a long default value" # long help
        x =
        d = a == 3
        café = 1 # été
        """,
        "# only comments\n\n",
        "x = 1\r\ny = 2\rz = 3 # cr\n",
        nil,  // no cell tagged parameters
    ]

    @Test func matchesPapermill() throws {
        let tmp = try TempDir()
        defer { tmp.cleanup() }
        var paths: [String] = []
        var notebooks: [Notebook] = []
        for (i, source) in Self.cells.enumerated() {
            var nb = makeNotebook(cells: [("import math", [])])
            if let source { nb.cells.append(Cell(cellType: "code", source: source, id: "p\(i)", metadata: JSONObject([("tags", JSONValue.array(["parameters"]))]))) }
            nb.cells.append(Cell(cellType: "code", source: "x = 0", id: "later", metadata: JSONObject([("tags", JSONValue.array(["parameters"]))])))
            if source == nil { nb.cells.removeLast() }
            let path = "\(tmp.path)/nb\(i).ipynb"
            try Data(nb.serialized()).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            notebooks.append(nb)
        }
        let answers = try Repo.papermill("inspect", paths.map(JSONValue.string))
        for (i, answer) in answers.enumerated() {
            let inspection = try ParameterInspector.inspect(notebooks[i])
            // inspect_notebook: {name: {name, inferred_type_name, default, help}} (later duplicates win).
            var mine = JSONObject()
            for p in inspection?.parameters ?? [] {
                mine[p.name] = ["name": .string(p.name), "inferred_type_name": .string(p.inferredTypeName),
                                "default": .string(p.defaultValue), "help": .string(p.help)]
            }
            let theirs = answer["params"]!.objectValue!
            #expect(mine.keys == theirs.keys, "cell \(i)")
            #expect(JSONValue.object(mine) == JSONValue.object(theirs), "cell \(i)")
            // --help-notebook: papermill's usage line, then the text Quire renders.
            let help = answer["help"]!.stringValue!
            let afterUsage = String(help[help.firstIndex(of: "\n").map { help.index(after: $0) }!...])
            #expect(ParameterInspection.helpText(notebookPath: paths[i], inspection: inspection, inferTypes: false) == afterUsage, "cell \(i)")
            #expect(answer["exit"] == (inspection == nil ? 1 : 0))
        }
    }

    @Test func literalTypes() {
        let table: [(String, String?)] = [
            ("1", "int"), ("-1_000", "int"), ("0x1F", "int"), ("0o17", "int"), ("0b1", "int"), ("01", nil),
            ("1.5", "float"), ("-.5", "float"), ("1e3", "float"), ("1.", "float"), ("1_0.5e-3", "float"),
            ("True", "bool"), ("False", "bool"), ("None", "NoneType"),
            ("\"a\"", "str"), ("'a'", "str"), ("r'\\d'", "str"), ("f\"{x}\"", "str"), ("'''a'''", "str"), ("b'x'", nil),
            ("'a' + 'b'", nil), ("\"it's\"", "str"), ("'a\\'b'", "str"),
            ("[1, 2]", "list"), ("[]", "list"), ("[1] + [2]", nil), ("['a]', 1]", "list"),
            ("{}", "dict"), ("{'a': 1}", "dict"), ("{1, 2}", nil), ("{'a': 1} | {}", nil), ("{'k': [1, 2]}", "dict"),
            ("(1, 2)", nil), ("math.pi", nil), ("1 if x else 2", nil), ("", nil),
        ]
        for (text, expected) in table {
            #expect(LiteralTypeInference.typeName(of: text) == expected, "\(text)")
        }
    }

    /// With an annotation the declared type wins; without, the literal's type fills in.
    @Test func typeNamesAndJSON() throws {
        let inspection = PythonParameterParser.parse("a: float = 1\nb = [1, 2]  # items\nc = compute()\n")
        #expect(inspection.parameters.map(\.typeName) == ["float", "list", nil])
        let json = inspection.jsonValue
        #expect(json["b"] == ["name": "b", "inferred_type_name": "None", "default": "[1, 2]", "help": "items", "type": "list"])
        #expect(json["c"]?["type"] == JSONValue.null)
        #expect(ParameterInspection.helpText(notebookPath: "nb.ipynb", inspection: inspection) == """

            Parameters inferred for notebook 'nb.ipynb':
              a: float (default 1)            
              b: list (default [1, 2])        items
              c: Unknown type (default compute())

            """)
    }

    @Test func otherLanguagesAreNotInspected() throws {
        let nb = makeNotebook(kernel: ("ir", "R"), cells: [("x = 1", ["parameters"])])
        let inspection = try #require(try ParameterInspector.inspect(nb))
        #expect(inspection.parameters.isEmpty)
        #expect(inspection.warnings == ["Translator for 'R' language does not support parameter introspection."])
    }
}
