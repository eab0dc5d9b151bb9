import Foundation
import QuireTestSupport
@testable import NotebookExecution
import NotebookFormat

/// Where the tests find the checkout, the shared reference folder and the Python venv.
enum Repo {
    static let root = TestPaths.root
    static let shared = TestPaths.shared

    static var vectors: String { "\(shared)/reference/papermill-vectors/test_vectors" }
    static var python: String { TestPaths.python }

    /// Runs Tests/python/papermill_params.py in `mode` on a JSON list of inputs; returns its JSON list.
    /// Fails (never skips) when the venv is missing: CI creates it with scripts/bootstrap.
    static func papermill(_ mode: String, _ inputs: [JSONValue]) throws -> [JSONValue] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["\(root)/Tests/python/papermill_params.py", mode]
        let out = Pipe(), inp = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardInput = inp
        p.standardError = err
        try p.run()
        inp.fileHandleForWriting.write(Data(JSONValue.array(inputs).serialized()))
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw TestFailure("papermill_params.py \(mode) failed (\(p.terminationStatus)): \(errText)")
        }
        guard case .array(let answers) = try JSONValue.parse(Array(data)) else { throw TestFailure("not a list") }
        return answers
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A folder under the system temp directory, removed by `cleanup()` (call it in a `defer`).
struct TempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "quire-params-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws -> String {
        let file = "\(path)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

extension JSONValue {
    /// The same tagged form `papermill_params.py` prints, so Swift and Python values compare exactly.
    var pythonTagged: JSONValue {
        switch self {
        case .null: ["t": "null"]
        case .bool(let b): ["t": "bool", "v": .bool(b)]
        case .int(let i): ["t": "int", "v": .string(String(i))]
        case .bigInt(let d): ["t": "int", "v": .string(d)]
        case .double(let d): ["t": "float", "v": .string(PythonText.float(d))]
        case .string(let s): ["t": "str", "v": .string(s)]
        case .array(let a): ["t": "list", "v": .array(a.map(\.pythonTagged))]
        case .object(let o): ["t": "dict", "v": .array(o.map { .array([.string($0.key), $0.value.pythonTagged]) })]
        }
    }
}

/// A small notebook with the given kernelspec and cells (code cells unless told otherwise).
func makeNotebook(kernel: (name: String, language: String)? = ("python3", "python"),
                  cells: [(source: String, tags: [String])] = [], minor: Int = 5) -> Notebook {
    var meta = JSONObject()
    if let kernel {
        meta["kernelspec"] = ["name": .string(kernel.name), "language": .string(kernel.language), "display_name": .string(kernel.name)]
    }
    var nb = Notebook(nbformatMinor: minor, metadata: meta)
    for (i, c) in cells.enumerated() {
        var cm = JSONObject()
        if !c.tags.isEmpty { cm["tags"] = .array(c.tags.map(JSONValue.string)) }
        nb.cells.append(Cell(cellType: "code", source: c.source, id: minor >= 5 ? "cell\(i)" : nil, metadata: cm))
    }
    return nb
}

/// Source split after each `\n`, as nbformat stores it on disk.
func sourceLines(_ source: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for c in source.unicodeScalars {
        current.unicodeScalars.append(c)
        if c == "\n" { lines.append(current); current = "" }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}
