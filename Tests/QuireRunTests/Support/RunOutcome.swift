import Foundation
import Testing

/// A finished `quire run`: its process result and the output notebook it wrote.
struct RunOutcome {
    let result: ProcessResult
    let notebook: JSONObject
    let outputPath: String
    /// Keeps the temp folder alive as long as the outcome is inspected.
    let dir: TempDir

    var cells: [JSONObject] { NotebookJSON.cells(notebook) }
    var banners: [Int] { NotebookJSON.bannerIndices(notebook) }
    var papermill: JSONObject { (notebook["metadata"] as? JSONObject)?["papermill"] as? JSONObject ?? [:] }

    /// The top banner's text mentions `In [N]`.
    func topBannerMentions(_ s: String) -> Bool {
        guard let first = banners.first else { return false }
        return NotebookJSON.source(cells[first]).contains(s)
    }

    /// Cells other than the two banners, in order.
    var unbannered: [JSONObject] { cells.filter { !NotebookJSON.tags($0).contains("papermill-error-cell-tag") } }

    /// Runs `quire run <input copy> out.ipynb ARGS` in a fresh temp folder. The input is copied so
    /// nothing is ever written next to the shared corpus.
    static func of(_ input: String, _ args: [String] = [], cwd: String? = nil) async throws -> RunOutcome {
        let dir = TempDir()
        let copy = dir.path + "/" + URL(fileURLWithPath: input).lastPathComponent
        try FileManager.default.copyItem(atPath: input, toPath: copy)
        let out = dir.path + "/out.ipynb"
        let r = try await Run.quire(["run", copy, out, "--no-progress-bar"] + args, cwd: cwd)
        guard FileManager.default.fileExists(atPath: out) else {
            throw TestFailure("no output notebook; exit \(r.status); stderr:\n\(r.stderr)")
        }
        return RunOutcome(result: r, notebook: try NotebookJSON.read(out), outputPath: out, dir: dir)
    }

    /// `quire validate` on the output notebook exits 0.
    func validates() async throws -> Bool {
        let v = try await Run.quire(["validate", outputPath])
        if v.status != 0 { Issue.record("quire validate: \(v.stdout)\(v.stderr)") }
        return v.status == 0
    }
}
