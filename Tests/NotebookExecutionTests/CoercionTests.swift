import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// `-p` coercion and source precedence, checked against papermill's own `_resolve_type`.
@Suite struct CoercionTests {
    static let table: [String] = [
        "True", "False", "None", "true", "false", "none", "TRUE", " True",
        "7", " 7", "7 ", "\t7\n", "01", "00", "-0", "+3", "-3", "1_000", "1__000", "_1", "1_", "+_1",
        "123456789012345678901234567890", "-99999999999999999999", "9223372036854775807", "9223372036854775808",
        "0x10", "0o17", "0b1", "1e3", "1E3", "1.5", " 2.5 ", "1_0.5", "1_.5", "1._5", ".5", "5.", ".", "e3", "1e", "1e+3", "1e-3",
        "nan", "NaN", "-nan", "+nan", "inf", "-inf", "+inf", "Infinity", "-Infinity", "infinity", "iNfInItY", "infinit",
        "1e999", "-1e999", "1e-999", "0.1", "1e16", "1e-5", "123456789.123456789",
        "[1,2]", "{a: 1}", "", " ", "abc", "1 2", "1,000", "١٢٣", "\u{00A0}7", "\u{2007}7", "\u{1C}7", "\u{200B}7", "７",
        "3.14j", "0_0", "0_7", "1_000.000_1", "1e1_0", "1.5e3_0",
    ]

    @Test func coercionMatchesPapermill() throws {
        let answers = try Repo.papermill("coerce", Self.table.map(JSONValue.string))
        #expect(answers.count == Self.table.count)
        for (text, answer) in zip(Self.table, answers) {
            #expect(ValueCoercion.coerce(text).pythonTagged == answer, "-p x \(text.debugDescription)")
        }
    }

    /// CPython refuses int() of more than 4300 digits, so papermill's coercion falls to float() = inf.
    @Test func overlongIntegersBecomeFloats() throws {
        let text = String(repeating: "1", count: 4301)
        let answers = try Repo.papermill("coerce", [.string(text), .string(String(repeating: "9", count: 4300))])
        #expect(ValueCoercion.coerce(text).pythonTagged == answers[0])
        #expect(ValueCoercion.coerce(String(repeating: "9", count: 4300)).pythonTagged == answers[1])
    }

    @Test func laterSourcesOverwriteButKeepThePosition() throws {
        let tmp = try TempDir()
        defer { tmp.cleanup() }
        let f1 = try tmp.write("one.yaml", "a: file1\nb: file1\n")
        let f2 = try tmp.write("two.json", #"{"c": "file2", "a": "file2"}"#)
        let b = Data("z: b64\nb: b64\n".utf8).base64EncodedString()
        let sources = ParameterSources(
            injectedInputPath: "in.ipynb", base64: [b], files: [f1, f2], yaml: ["c: yaml\nd: yaml", "d: yaml2"],
            values: [.init("a", "1"), .init("e", "2.5"), .init("a", "3")],
            raw: [.init("d", "raw"), .init("PAPERMILL_INPUT_PATH", "raw")])
        let (params, warnings) = try ParameterAssembler().assemble(sources)
        #expect(warnings.isEmpty)
        #expect(params.names == ["PAPERMILL_INPUT_PATH", "z", "b", "a", "c", "d", "e"])
        #expect(params.values["PAPERMILL_INPUT_PATH"] == "raw")
        #expect(params.values["z"] == "b64")
        #expect(params.values["b"] == "file1")
        #expect(params.values["a"] == 3)
        #expect(params.values["c"] == "yaml")
        #expect(params.values["d"] == "raw")
        #expect(params.values["e"] == 2.5)
    }

    @Test func emptyYAMLContributesNothing() throws {
        let tmp = try TempDir()
        defer { tmp.cleanup() }
        let empty = try tmp.write("empty.yaml", "")
        let comment = try tmp.write("comment.yml", "# nothing here\n")
        let sources = ParameterSources(base64: [""], files: [empty, comment], yaml: ["", "~", "null", "---\n"])
        let (params, _) = try ParameterAssembler().assemble(sources)
        #expect(params.isEmpty)
    }

    /// papermill's I/O layer warns about parameter files that are not .json/.yaml/.yml.
    @Test func fileExtensionWarnings() throws {
        let tmp = try TempDir()
        defer { tmp.cleanup() }
        let txt = try tmp.write("params.txt", "a: 1")
        let bare = try tmp.write("params", "b: 2")
        let (params, warnings) = try ParameterAssembler().assemble(ParameterSources(files: [txt, bare]))
        #expect(params.names == ["a", "b"])
        #expect(warnings == [
            "The specified file (\(txt)) does not end in one of ['.json', '.yaml', '.yml']",
            "the file is not specified with any extension : params",
        ])
    }

    /// A store can stand in for the local file system.
    @Test func filesGoThroughTheReader() throws {
        let assembler = ParameterAssembler(readFile: { path in
            guard path == "s3://bucket/p.yaml" else { throw TestFailure("no such object") }
            return Array("region: eu\n".utf8)
        })
        let (params, _) = try assembler.assemble(ParameterSources(files: ["s3://bucket/p.yaml"]))
        #expect(params.values["region"] == "eu")
        #expect(throws: ParameterError.unreadableFile(path: "s3://bucket/q.yaml", reason: "no such object")) {
            try assembler.assemble(ParameterSources(files: ["s3://bucket/q.yaml"]))
        }
    }
}
