import Foundation

/// Where the tests find the checkout, the shared corpus and the Python venv made by `scripts/bootstrap`.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static var shared: String { "\(root)/../shared" }
    static var corpus: String { "\(shared)/corpus" }
    static var python: String { "\(root)/.venv/bin/python" }
    static var scripts: String { "\(root)/Tests/python" }

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
