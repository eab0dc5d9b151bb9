import Foundation
import Testing
@testable import NotebookFormat

/// The streaming writer (saves, `fmt`) must produce exactly what serialising the on-disk JSON tree
/// produces, for every corpus notebook and across the writer's buffer flushes.
@Suite struct StreamWriterTests {
    static func treeBytes(_ nb: Notebook) -> [UInt8] { nb.json.serialized(.notebook) + [0x0A] }

    @Test func corpusNotebooksMatchTheTreeWriter() throws {
        var checked = 0
        for path in Repo.corpusNotebooks() {
            guard let nb = try? Notebook.load(Data(contentsOf: URL(fileURLWithPath: path)), file: path, repairCellIDs: true).notebook else { continue }
            #expect(nb.serialized() == Self.treeBytes(nb), "\(path)")
            checked += 1
        }
        #expect(checked >= 80)
    }

    @Test func fileWritesAcrossFlushesMatch() throws {
        // Larger than the writer's flush threshold, with every output kind, attachments, odd text
        // and a future-minor cell, so each branch of the writer and the flushing both run.
        var cells: [Cell] = []
        for i in 0..<300 {
            cells.append(Cell(cellType: "markdown", source: "# \(i)\r\nline\u{2028}é\n", id: "m\(i)",
                              attachments: ["a.png": ["image/png": "iVBORw0KGgo=", "text/plain": "x\ny"]]))
            cells.append(Cell(cellType: "code", source: "print(\(i))\n", id: "c\(i)", metadata: ["trusted": true, "tags": ["t"]],
                              outputs: [
                                .stream(name: "stdout", text: String(repeating: "row \(i)\n", count: 200)),
                                .displayData(data: ["text/html": .string("<b>\(i)</b>\n<i>x</i>"), "application/json": ["k": [1, 2.5]]], metadata: [:]),
                                .executeResult(executionCount: i, data: ["text/plain": .string("\(i)")], metadata: ["isolated": true]),
                                .error(ename: "E", evalue: "v\u{1}", traceback: ["\u{1B}[31mred\u{1B}[0m"]),
                              ], executionCount: i))
        }
        cells.append(Cell(cellType: "raw", source: "", id: "r", metadata: ["format": "text/plain"]))
        let nb = Notebook(metadata: ["kernelspec": ["name": "python3", "display_name": "P"], "signature": "x"], cells: cells)
        let dir = NSTemporaryDirectory() + "quire-stream-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try nb.write(to: dir + "/nb.ipynb")
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/nb.ipynb")))
        #expect(written.count > JSONWriter.flushThreshold * 2)
        #expect(written == Self.treeBytes(nb))
        #expect(nb.serialized() == written)
        var future = nb
        future.nbformatMinor = 9
        future.extra["later"] = true
        future.cells[0].extra["shape"] = 1
        #expect(future.serialized() == Self.treeBytes(future))
    }
}
