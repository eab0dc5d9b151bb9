import Foundation
import Testing

/// `quire validate`, `quire fmt`, `--help` and `--version`, run as processes.
@Suite struct FormatCommandsTests {
    static let corpus = QuireBinary.root + "/../shared/corpus"

    @Test func versionAndHelp() throws {
        let v = try QuireBinary.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0")
        let h = try QuireBinary.run(["--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("validate") && h.stdout.contains("fmt"))
    }

    @Test func validateAcceptsValidNotebooks() throws {
        let r = try QuireBinary.run(["validate", "\(Self.corpus)/nbformat/test4.5.ipynb", "\(Self.corpus)/nbclient/HelloWorld.ipynb"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("test4.5.ipynb: valid (nbformat 4.5"))
    }

    @Test func validateReportsEachProblemWithExit2() throws {
        let file = "\(Self.corpus)/nbformat/invalid.ipynb"
        let r = try QuireBinary.run(["validate", file])
        #expect(r.status == 2)
        #expect(r.stderr.contains(#"\#(file): cells[0]: a markdown cell is missing the required member "source""#))
        #expect(r.stderr.contains(#"\#(file): cells[2].cell_type: expected one of "code", "markdown", "raw", found "heading""#))
    }

    @Test func validateMissingFileIsBadInput() throws {
        let r = try QuireBinary.run(["validate", "/nonexistent/x.ipynb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/x.ipynb: cannot read: No such file or directory"))
    }

    @Test func fmtUpgradesV3InPlace() throws {
        let tmp = TempDir()
        let file = tmp.path + "/old.ipynb"
        try FileManager.default.copyItem(atPath: "\(Self.corpus)/nbformat/test3.ipynb", toPath: file)
        let r = try QuireBinary.run(["fmt", file])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try QuireBinary.run(["validate", file])
        #expect(v.stdout.contains("valid (nbformat 4.5"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        #expect(leftovers == ["old.ipynb"], "no temporary file may remain")
    }

    @Test func fmtRefusesInvalidAndLeavesFileUntouched() throws {
        let tmp = TempDir()
        let file = tmp.path + "/bad.ipynb"
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/nbformat/invalid_cell_id.ipynb"))
        try original.write(to: URL(fileURLWithPath: file))
        let r = try QuireBinary.run(["fmt", file])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cells[0].id: expected a cell id"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == original)
    }

    @Test func fmtStdinToStdout() throws {
        let input = Data(#"{"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "x\ny"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#.utf8)
        let r = try QuireBinary.run(["fmt", "-", "-o", "-"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "id": "a",
               "metadata": {},
               "source": [
                "x\\n",
                "y"
               ]
              }
             ],
             "metadata": {},
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """)
    }

    @Test func fmtIntoMissingFolderFailsClearly() throws {
        let r = try QuireBinary.run(["fmt", "\(Self.corpus)/nbformat/test4.ipynb", "-o", "/nonexistent/dir/out.ipynb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/dir/out.ipynb: cannot write: No such file or directory"))
    }

    @Test func unknownSubcommandIsUsageError() throws {
        let r = try QuireBinary.run(["frobnicate"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Unexpected argument 'frobnicate'"))
    }
}
