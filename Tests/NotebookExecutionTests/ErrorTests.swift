import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// Every way bad parameters are refused, with the exact message the CLI prints (exit 2).
@Suite struct ErrorTests {
    static func message(_ sources: ParameterSources) -> String? {
        do {
            _ = try ParameterAssembler().assemble(sources)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func badYAML() {
        #expect(Self.message(ParameterSources(yaml: ["a: 1", "{a: [1, 2"])) ==
            "invalid YAML in -y #2: did not find expected ',' or ']' (line 2, column 1) while parsing a flow sequence (line 1, column 5)")
        #expect(Self.message(ParameterSources(yaml: ["a: b: c"])) ==
            "invalid YAML in -y #1: mapping values are not allowed in this context (line 1, column 5)")
    }

    @Test func nonMappingYAML() {
        #expect(Self.message(ParameterSources(yaml: ["[1, 2]"])) ==
            "-y #1: parameters must be a YAML mapping of NAME: VALUE, found a list")
        #expect(Self.message(ParameterSources(yaml: ["just text"])) ==
            "-y #1: parameters must be a YAML mapping of NAME: VALUE, found the string 'just text'")
        #expect(Self.message(ParameterSources(yaml: ["0x10"])) ==
            "-y #1: parameters must be a YAML mapping of NAME: VALUE, found the integer 16")
        let b64 = Data("- a\n- b\n".utf8).base64EncodedString()
        #expect(Self.message(ParameterSources(base64: [b64])) ==
            "-b #1: parameters must be a YAML mapping of NAME: VALUE, found a list")
    }

    @Test func badBase64() {
        #expect(Self.message(ParameterSources(base64: ["YWJjZA=="])) ==
            "-b #1: parameters must be a YAML mapping of NAME: VALUE, found the string abcd")
        #expect(Self.message(ParameterSources(base64: ["YTogMQ==", "YWJjZ"])) ==
            "-b #2: not valid base64: number of data characters (5) cannot be 1 more than a multiple of 4")
        #expect(Self.message(ParameterSources(base64: ["YTogMQ"])) == "-b #1: not valid base64: Incorrect padding")
        // Decodes, but to bytes that are not text.
        #expect(Self.message(ParameterSources(base64: [Data([0x61, 0x3A, 0x20, 0xFF]).base64EncodedString()])) ==
            "invalid YAML in -b #1: the text is not valid UTF-8")
    }

    /// CPython's `b64decode` results (recorded with the venv's Python 3.11).
    @Test func base64LikePython() throws {
        let table: [(String, String?)] = [
            ("YTogMQ==", "a: 1"), ("YTogMQ", nil), ("YWJjZ", nil), ("YT ogM Q==", "a: 1"), ("YTogMQ==garbage", "a: 1"),
            ("Y", nil), ("YTo=gMQ==", "a:"), ("", ""), ("YQ=", nil), ("YQ==", "a"), ("Y-_Q==", "a"), ("YWJjZA=", nil),
        ]
        for (text, expected) in table {
            let decoded = try? Base64.decode(text, source: "-b #1")
            #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == expected, "\(text)")
        }
    }

    @Test func missingAndBadFiles() throws {
        let tmp = try TempDir()
        defer { tmp.cleanup() }
        #expect(Self.message(ParameterSources(files: ["\(tmp.path)/missing.yaml"])) ==
            "-f \(tmp.path)/missing.yaml: cannot read parameters file: No such file or directory")
        #expect(Self.message(ParameterSources(files: [tmp.path])) ==
            "-f \(tmp.path): cannot read parameters file: Is a directory")
        let bad = try tmp.write("bad.yaml", "a: [\n")
        #expect(Self.message(ParameterSources(files: [bad])) ==
            "invalid YAML in -f \(bad): did not find expected node content (line 2, column 1) while parsing a flow node (line 2, column 1)")
        let list = try tmp.write("list.json", "[1]")
        #expect(Self.message(ParameterSources(files: [list])) ==
            "-f \(list): parameters must be a YAML mapping of NAME: VALUE, found a list")
    }

    @Test func translatorRefusals() throws {
        let nb = makeNotebook(kernel: ("bash", "bash"), cells: [("x=1", ["parameters"])])
        let opts = InjectionOptions(inputPath: "i", outputPath: "o", version: "v")
        var params = ParameterSet()
        params.set("ok", 1)
        params.set("cfg", ["nested": ["a": 1]])
        #expect(throws: ParameterError.unsupportedValue(parameter: "cfg", language: "bash",
            detail: "a dict (papermill: \"dict type translation not implemented\" for bash)")) {
            try ParameterInjector.parameterize(nb, with: params, options: opts)
        }
        var inList = ParameterSet()
        inList.set("items", [1, nil])
        let csharp = makeNotebook(kernel: (".net-csharp", "C#"))
        #expect(throws: ParameterError.unsupportedValue(parameter: "items", language: "C#",
            detail: "null/None (papermill: \"Option type not implemented for C#.\")")) {
            try ParameterInjector.parameterize(csharp, with: inList, options: opts)
        }
        #expect(ParameterError.unsupportedValue(parameter: "items", language: "C#",
            detail: "null/None (papermill: \"Option type not implemented for C#.\")").description ==
            "parameter 'items': the C# translator cannot express null/None (papermill: \"Option type not implemented for C#.\")")
    }

    @Test func kernelAndLanguageResolution() throws {
        var params = ParameterSet()
        params.set("a", 1)
        let opts = InjectionOptions(inputPath: "i", outputPath: "o", version: "v")
        #expect(throws: ParameterError.noKernelName) {
            try ParameterInjector.parameterize(makeNotebook(kernel: nil), with: params, options: opts)
        }
        #expect(throws: ParameterError.noTranslator(kernelName: "cobol-kernel", language: "cobol")) {
            try ParameterInjector.parameterize(makeNotebook(kernel: ("cobol-kernel", "cobol")), with: params, options: opts)
        }
        #expect(ParameterError.noTranslator(kernelName: "k", language: "l").description ==
            "No parameter translator functions specified for kernel 'k' or language 'l'")
        #expect(ParameterError.noKernelName.description == "No kernel name found in notebook and no override provided.")
        // -k / -l overrides pick the translator (kernel name first, then language).
        var o = opts
        o.kernelName = "sparkkernel"
        o.language = "python"
        let r = try ParameterInjector.parameterize(makeNotebook(kernel: nil), with: params, options: o)
        #expect(r.notebook.cells[0].source == "// Parameters\nval a = 1\n")
        o.kernelName = "my-python"
        o.language = "R"
        let r2 = try ParameterInjector.parameterize(makeNotebook(kernel: nil), with: params, options: o)
        #expect(r2.notebook.cells[0].source == "# Parameters\na = 1\n")
        // Without parameters nothing is resolved, so a notebook without kernelspec is fine.
        #expect(throws: Never.self) {
            try ParameterInjector.parameterize(makeNotebook(kernel: nil), with: ParameterSet(), options: opts)
        }
    }
}
