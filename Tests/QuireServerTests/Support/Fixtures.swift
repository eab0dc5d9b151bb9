import Foundation
import NotebookFormat
import QuireTestSupport

/// Test notebooks (Tests/QuireServerTests/Notebooks), copied into a fresh folder per test so a
/// run's working directory and outputs never touch the checkout.
enum Fixtures {
    static let source = TestPaths.root + "/Tests/QuireServerTests/Notebooks"

    static func copy(_ names: [String], into folder: String) throws {
        for name in names {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name)
        }
    }

    /// A folder with every test notebook in it; removed by `Folder.deinit`.
    static func folder() throws -> Folder {
        let f = Folder()
        try copy(try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".ipynb") }, into: f.path)
        return f
    }

    static func notebook(at path: String) throws -> Notebook {
        try Notebook.read(contentsOf: path).notebook
    }
}

final class Folder: @unchecked Sendable {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "quire-nb-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension JSONValue {
    var text: String { stringValue ?? String(decoding: serialized(), as: UTF8.self) }
}
