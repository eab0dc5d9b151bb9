import Foundation
import NotebookFormat
import Testing

/// Parameters through `quire run`: injection, typing, templating, secrets and their error paths.
@Suite(.serialized) struct RunParametersTests {
    static let hello = QuireBinary.root + "/examples/hello.ipynb"

    static func streams(_ nb: Notebook) -> String {
        nb.cells.flatMap(\.outputs).compactMap { if case .stream(_, let t) = $0 { t } else { nil } }.joined()
    }

    @Test func typedParametersAreInjectedAndUsed() throws {
        let tmp = TempDir()
        let out = "\(tmp.path)/out.ipynb"
        let r = try QuireBinary.run(["run", Self.hello, out, "-p", "name", "Ada", "-p", "repeat", "3", "-y", "{extra: [1, two]}"], cwd: QuireBinary.root)
        #expect(r.status == 0, "\(r.stderr)")
        let nb = try Notebook.read(contentsOf: out).notebook
        let injected = try #require(nb.cells.first { $0.tags.contains("injected-parameters") })
        #expect(injected.source == "# Parameters\nextra = [1, \"two\"]\nname = \"Ada\"\nrepeat = 3\n")
        #expect(nb.cells.firstIndex { $0.tags.contains("injected-parameters") } == 2, "right after the parameters cell")
        #expect(Self.streams(nb) == "Hello, Ada! (1/3)\nHello, Ada! (2/3)\nHello, Ada! (3/3)\n")
        let expected: JSONValue = ["extra": [1, "two"], "name": "Ada", "repeat": 3]
        #expect(nb.metadata["papermill"]?["parameters"] == expected)
        #expect(r.stderr.contains("Passed unknown parameter: extra"))
    }

    @Test func negativeInfinityValueIsNotAnOption() throws {
        let tmp = TempDir()
        let out = "\(tmp.path)/out.ipynb"
        let r = try QuireBinary.run(["run", Self.hello, out, "--prepare-only", "-p", "repeat", "-inf"], cwd: QuireBinary.root)
        #expect(r.status == 0, "\(r.stderr)")
        let nb = try Notebook.read(contentsOf: out).notebook
        #expect(nb.cells.contains { $0.source.contains("repeat = float('-inf')") })
    }

    @Test func outputPathTemplating() throws {
        let tmp = TempDir()
        let r = try QuireBinary.run(["run", Self.hello, "\(tmp.path)/out_{name}_{repeat}.ipynb", "-p", "name", "eu", "-p", "repeat", "1", "--prepare-only"], cwd: QuireBinary.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(tmp.path)/out_eu_1.ipynb"))
        let bad = try QuireBinary.run(["run", Self.hello, "\(tmp.path)/out_{zzz}.ipynb", "--prepare-only"], cwd: QuireBinary.root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no parameter named 'zzz'"))
    }

    @Test func secretNeverWritten() throws {
        let tmp = TempDir()
        let out = "\(tmp.path)/out.ipynb"
        let value = "s3cr3t-\(UUID().uuidString)"
        let input = "\(tmp.path)/in.ipynb"
        let text = #"{"cells": [{"cell_type": "code", "execution_count": null, "id": "p", "metadata": {"tags": ["parameters"]}, "outputs": [], "source": "token = None"}, {"cell_type": "code", "execution_count": null, "id": "u", "metadata": {}, "outputs": [], "source": "print(len(token))"}], "metadata": {"kernelspec": {"name": "python3", "display_name": "P", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}"#
        FileManager.default.createFile(atPath: input, contents: Data(text.utf8))
        setenv("QUIRE_TEST_TOKEN", value, 1)
        defer { unsetenv("QUIRE_TEST_TOKEN") }
        let r = try QuireBinary.run(["run", input, out, "--secret", "token=QUIRE_TEST_TOKEN", "--log-output", "--log-level", "DEBUG"], cwd: QuireBinary.root)
        #expect(r.status == 0, "\(r.stderr)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!written.contains(value))
        #expect(!r.stderr.contains(value) && !r.stdout.contains(value))
        let nb = try Notebook.read(contentsOf: out).notebook
        #expect(Self.streams(nb) == "\(value.count)\n", "the kernel did receive the value")
        #expect(nb.metadata["papermill"]?["parameters"]?["token"] == "<secret:QUIRE_TEST_TOKEN>")
    }

    @Test func secretInPathIsRefused() throws {
        let tmp = TempDir()
        setenv("QUIRE_TEST_TOKEN2", "x", 1)
        defer { unsetenv("QUIRE_TEST_TOKEN2") }
        let r = try QuireBinary.run(["run", Self.hello, "\(tmp.path)/{name}.ipynb", "--secret", "name=QUIRE_TEST_TOKEN2", "--prepare-only"], cwd: QuireBinary.root)
        #expect(r.status == 2)
        #expect(r.stderr.contains("'name' is a secret parameter and cannot appear in a path"))
    }

    @Test func badParameterSourcesExit2() throws {
        let tmp = TempDir()
        let out = "\(tmp.path)/out.ipynb"
        for args in [["-y", "{a: [}"], ["-b", "!!!notbase64"], ["-f", "/nonexistent/p.yaml"], ["-y", "[1, 2]"], ["-p", "onlyname"]] {
            let r = try QuireBinary.run(["run", Self.hello, out] + args, cwd: QuireBinary.root)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out), "nothing written for \(args)")
        }
    }

    @Test func helpNotebookNeedsNoOutput() throws {
        let r = try QuireBinary.run(["run", Self.hello, "--help-notebook"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("name: str (default \"world\")"))
    }

    @Test func stdinToStdout() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.hello))
        let r = try QuireBinary.run(["run", "-", "-", "-p", "name", "pipe", "-p", "repeat", "1"], stdin: input, cwd: QuireBinary.root)
        #expect(r.status == 0, "\(r.stderr)")
        let nb = try Notebook.load(r.stdoutBytes, file: "<stdout>").notebook
        #expect(Self.streams(nb) == "Hello, pipe! (1/1)\n")
        #expect(nb.metadata["papermill"]?["input_path"] == "-")
    }
}
