import Foundation
import Testing

/// Side by side with papermill (see `SideBySideTests`) with parameters of every type and every
/// source: `-p` coercion (int, float incl. nan/inf, bool, None, strings that look like other
/// things), `-y` lists and nested dicts, `-r` raw strings, `-f` YAML files, `-b` base64, the fixed
/// precedence between them, `--inject-paths`, and the bash translator.
@Suite("side by side with papermill: parameters")
struct SideBySideParameterTests {
    static let yamlFile = "l: [1, two, 3.5, null]\\nd: {k: v2, nested: {x: true, y: [1, 2]}}\\ns: from_file\\n"

    static let cases: [SideBySideCase] = [
        .init(notebook: "parameters", args: ["-p", "i", "7", "-p", "f", "2.5", "-p", "b", "True", "-p", "n", "None",
                                             "-p", "s", "hello"], label: "-p int float bool None string"),
        .init(notebook: "parameters", args: ["-p", "i", "1_000", "-p", "f", "nan", "-p", "b", "false", "-p", "n", "-inf",
                                             "-p", "s", "0x10"], label: "-p coercion edge cases"),
        .init(notebook: "parameters", args: ["-p", "s", "He said \"hi\" & 'bye'\nline2 back\\slash ünï ☃"],
              label: "-p string escaping"),
        .init(notebook: "parameters", args: ["-y", "{l: [1, two, 3.5, null, false], d: {k: [1, 2], nested: {x: 1.5}}, s: 2024-01-01}"],
              label: "-y list, nested dict, date stays string"),
        .init(notebook: "parameters", args: ["-r", "i", "42", "-r", "b", "True", "-r", "s", "raw"], label: "-r raw strings"),
        .init(notebook: "parameters", args: ["-b", Data("{i: 3, s: from_b64}".utf8).base64EncodedString()], label: "-b base64"),
        .init(notebook: "parameters", args: ["-b", Data("{s: b64, i: 1}".utf8).base64EncodedString(), "-y", "{s: yaml}",
                                             "-p", "s", "p", "-r", "i", "raw", "--inject-paths"],
              label: "precedence b < y < p < r, injected paths"),
        .init(notebook: "params_bash", args: ["-p", "name", "it's \"quoted\"", "-p", "count", "3"], label: "bash translator"),
        .init(notebook: "params_r", args: ["-p", "name", "it's \"q\"", "-p", "count", "3", "-p", "ratio", "2.5", "-p", "flag", "True",
                                            "-y", "{items: {a: 1, b: [x, null]}}"], label: "R translator on IRkernel"),
        .init(notebook: "print", args: ["-p", "unknown", "1"], label: "no parameters cell: injected at the top"),
    ]

    @Test("identical outputs with parameters", arguments: cases)
    func same(_ c: SideBySideCase) async throws {
        let (pm, quire) = try await SideBySide.run(c)
        SideBySide.expectEqual(pm, quire)
    }

    @Test("-f YAML parameters file")
    func parametersFile() async throws {
        let file = TempDir()
        try Self.yamlFile.replacingOccurrences(of: "\\n", with: "\n").write(toFile: file.path + "/p.yaml", atomically: true, encoding: .utf8)
        let (pm, quire) = try await SideBySide.run(.init(notebook: "parameters", args: ["-f", file.path + "/p.yaml"]))
        SideBySide.expectEqual(pm, quire)
    }
}
