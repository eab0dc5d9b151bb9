import Foundation
import Testing

/// `quire inspect`, run as a process.
@Suite struct InspectCommandTests {
    static func notebook(parameters source: String?, kernel: String = #"{"name": "python3", "language": "python", "display_name": "Python 3"}"#) -> String {
        var cells: [String] = []
        if let source {
            let escaped = source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            cells.append(#"{"cell_type": "code", "id": "p1", "metadata": {"tags": ["parameters"]}, "source": "\#(escaped)", "outputs": [], "execution_count": null}"#)
        }
        cells.append(#"{"cell_type": "code", "id": "c2", "metadata": {}, "source": "print(1)", "outputs": [], "execution_count": null}"#)
        return #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": \#(kernel)}, "cells": [\#(cells.joined(separator: ", "))]}"#
    }

    static func write(_ text: String, in tmp: TempDir, name: String = "nb.ipynb") throws -> String {
        let path = "\(tmp.path)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func textLikeHelpNotebook() throws {
        let tmp = TempDir()
        let path = try Self.write(Self.notebook(parameters: "alpha: float = 0.5  # learning rate\nname = \"world\"  # who to greet\nitems = f()\n"), in: tmp)
        let r = try QuireBinary.run(["inspect", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            Usage: quire run [OPTIONS] INPUT OUTPUT [-p NAME VALUE]...

            Parameters inferred for notebook '\(path)':
              alpha: float (default 0.5)      learning rate
              name: str (default "world")     who to greet
              items: Unknown type (default f())

            """)
    }

    @Test func json() throws {
        let tmp = TempDir()
        let path = try Self.write(Self.notebook(parameters: "n: int = 3  # count\nflag = True\n"), in: tmp)
        let r = try QuireBinary.run(["inspect", "--json", path])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: [String: Any]]
        #expect(object?["n"]?["inferred_type_name"] as? String == "int")
        #expect(object?["n"]?["help"] as? String == "count")
        #expect(object?["flag"]?["inferred_type_name"] as? String == "None")
        #expect(object?["flag"]?["type"] as? String == "bool")
        #expect(object?["flag"]?["default"] as? String == "True")
    }

    @Test func noParametersCell() throws {
        let tmp = TempDir()
        let path = try Self.write(Self.notebook(parameters: nil), in: tmp)
        let r = try QuireBinary.run(["inspect", path])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("\n  No cell tagged 'parameters'\n"))
        let j = try QuireBinary.run(["inspect", "--json", path])
        #expect(j.stdout == "{}\n")
    }

    @Test func otherLanguagesWarn() throws {
        let tmp = TempDir()
        let path = try Self.write(Self.notebook(parameters: "x <- 1", kernel: #"{"name": "ir", "language": "R", "display_name": "R"}"#), in: tmp)
        let r = try QuireBinary.run(["inspect", path])
        #expect(r.status == 0)
        #expect(r.stderr == "Translator for 'R' language does not support parameter introspection.\n")
        #expect(r.stdout.hasSuffix("\n  Can't infer anything about this notebook's parameters. It may not have any parameter defined.\n"))
    }

    @Test func badInputExits2() throws {
        let tmp = TempDir()
        let missing = try QuireBinary.run(["inspect", "\(tmp.path)/missing.ipynb"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "\(tmp.path)/missing.ipynb: cannot read: No such file or directory\n")
        let invalid = try Self.write("{\"cells\": 3", in: tmp, name: "bad.ipynb")
        let r = try QuireBinary.run(["inspect", invalid])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(invalid): not a notebook: invalid JSON"))
        let unknown = try Self.write(Self.notebook(parameters: "x = 1", kernel: #"{"name": "cobol", "language": "cobol", "display_name": "C"}"#), in: tmp, name: "cobol.ipynb")
        let u = try QuireBinary.run(["inspect", unknown])
        #expect(u.status == 2)
        #expect(u.stderr == "\(unknown): No parameter translator functions specified for kernel 'cobol' or language 'cobol'\n")
    }
}
