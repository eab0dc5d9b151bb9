import Foundation
import QuireTestSupport

/// Where the tests find the checkout, the shared corpus and the Python venv made by `scripts/bootstrap`.
enum Repo {
    static let root = TestPaths.root

    static var shared: String { TestPaths.shared }
    static var corpus: String { TestPaths.corpus }
    static var python: String { TestPaths.python }
    static var scripts: String { TestPaths.pythonScripts }

    /// Every `.ipynb` below the shared corpus, sorted.
    static func corpusNotebooks() -> [String] {
        let base = URL(fileURLWithPath: corpus).standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: base)
        var found: [String] = []
        while let rel = walker?.nextObject() as? String {
            if rel.hasSuffix(".ipynb") { found.append("\(base)/\(rel)") }
        }
        return found.sorted()
    }

    /// Runs the venv's Python on a script in Tests/python, feeding stdin; returns stdout.
    static func runPython(_ script: String, arguments: [String] = [], input: Data? = nil) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["\(scripts)/\(script)"] + arguments
        let out = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "python", code: Int(p.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "\(script) failed"])
        }
        return data
    }
}
