import Foundation
import Testing

/// One notebook (and parameter set) run by both papermill and `quire run`.
struct SideBySideCase: CustomTestStringConvertible, Sendable {
    /// A name in Tests/QuireRunTests/Notebooks, or an absolute path.
    let notebook: String
    var args: [String] = []
    /// papermill's exit code; Quire's is the same unless `quireStatus` says otherwise.
    var status: Int32 = 0
    var quireStatus: Int32? = nil
    var label: String? = nil
    var testDescription: String { label ?? notebook }
}

@Suite("side by side with papermill: same output notebooks up to volatile fields")
struct SideBySideTests {
    static let cases: [SideBySideCase] = [
        .init(notebook: "print"), .init(notebook: "expressions"), .init(notebook: "display_update"),
        .init(notebook: "clear_output"), .init(notebook: "stderr"), .init(notebook: "rich_text"),
        .init(notebook: "rich_png"), .init(notebook: "error_midway", status: 1),
        .init(notebook: "systemexit"), .init(notebook: "systemexit1", status: 1),
        .init(notebook: "empty_cells"), .init(notebook: "skip_execution"), .init(notebook: "unicode"),
        .init(notebook: "markdown_raw"), .init(notebook: "many_outputs"), .init(notebook: "stream_control"),
        .init(notebook: "parameters"), .init(notebook: "bash"), .init(notebook: "params_bash"),
    ]

    @Test("identical outputs", arguments: cases)
    func same(_ c: SideBySideCase) async throws {
        let (pm, quire) = try await SideBySide.run(c)
        SideBySide.expectEqual(pm, quire)
    }

    /// Quire's deliberate difference (README): an error in a `raises-exception` cell does not fail the
    /// run — nbclient's meaning of the tag. papermill scans outputs, finds the error, adds banners
    /// and exits 1. Apart from that the notebooks agree.
    @Test("raises-exception: papermill exits 1 with banners, Quire exits 0 without")
    func raisesException() async throws {
        let c = SideBySideCase(notebook: "raises_exception", status: 1, quireStatus: 0)
        var (pm, quire) = try await SideBySide.run(c)
        #expect(NotebookJSON.bannerIndices(pm).count == 2)
        #expect(NotebookJSON.bannerIndices(quire).isEmpty)
        // papermill leaves `exception` null here (nbclient raised nothing) yet still fails the run.
        let pmMeta = (pm["metadata"] as? JSONObject)?["papermill"] as? JSONObject
        let qMeta = (quire["metadata"] as? JSONObject)?["papermill"] as? JSONObject
        #expect(pmMeta?["exception"] is NSNull)
        #expect(qMeta?["exception"] is NSNull)
        // Every cell ran in both, the tagged cell holds the ValueError in both.
        pm["cells"] = NotebookJSON.cells(pm).filter { !NotebookJSON.tags($0).contains("papermill-error-cell-tag") }
        SideBySide.expectEqual(pm, quire)
    }

    /// Binary widget state (an Image's bytes) is stored as base64 buffers with their paths, the
    /// latest value per path, as nbclient stores it. Models are keyed by random comm ids, so they
    /// are compared by name with their state and buffers.
    @Test("widget buffers stored like papermill's")
    func widgetBuffers() async throws {
        let (pm, quire) = try await SideBySide.run(SideBySideCase(notebook: "widget_buffers"))
        func models(_ nb: JSONObject) -> [String] {
            let widgets = (nb["metadata"] as? JSONObject)?["widgets"] as? JSONObject
            let state = (widgets?["application/vnd.jupyter.widget-state+json"] as? JSONObject)?["state"] as? JSONObject ?? [:]
            // References between models name random comm ids too.
            return state.values.map {
                NotebookJSON.canonical($0).replacingOccurrences(of: "IPY_MODEL_[0-9a-f]+", with: "IPY_MODEL_<id>", options: .regularExpression)
            }.sorted()
        }
        let expected = models(pm)
        #expect(expected.contains { $0.contains("ImageModel") && $0.contains(Data((32..<48).map { UInt8($0) }).base64EncodedString()) },
                "papermill stored the Image's latest bytes: \(expected)")
        #expect(models(quire) == expected)
        let cellsA = NotebookJSON.cells(pm).map { NotebookJSON.canonical(OutputNormalisation.normalise(NotebookJSON.outputs($0))) }
        let cellsB = NotebookJSON.cells(quire).map { NotebookJSON.canonical(OutputNormalisation.normalise(NotebookJSON.outputs($0))) }
        #expect(cellsA == cellsB)
    }
}

enum SideBySide {
    /// Runs both tools concurrently, each in its own folder with the same relative paths
    /// (`in.ipynb` → `out.ipynb`), so injected paths and metadata paths agree; returns both outputs.
    static func run(_ c: SideBySideCase) async throws -> (papermill: JSONObject, quire: JSONObject) {
        let dir = TempDir()
        for sub in ["papermill", "quire"] {
            try FileManager.default.createDirectory(atPath: dir.path + "/" + sub, withIntermediateDirectories: false)
            let source = c.notebook.hasPrefix("/") ? c.notebook : Paths.notebooks + "/\(c.notebook).ipynb"
            try FileManager.default.copyItem(atPath: source, toPath: dir.path + "/\(sub)/in.ipynb")
        }
        async let p = Run.papermill(["in.ipynb", "out.ipynb", "--no-progress-bar"] + c.args, cwd: dir.path + "/papermill")
        async let q = Run.quire(["run", "in.ipynb", "out.ipynb", "--no-progress-bar"] + c.args, cwd: dir.path + "/quire")
        let (pr, qr) = try await (p, q)
        #expect(pr.status == c.status, "papermill exit \(pr.status)\n\(pr.stderr.suffix(2000))")
        #expect(qr.status == (c.quireStatus ?? c.status), "quire exit \(qr.status)\n\(qr.stderr)")
        return (try NotebookJSON.read(dir.path + "/papermill/out.ipynb"), try NotebookJSON.read(dir.path + "/quire/out.ipynb"))
    }

    /// Compares after `VolatileFields`; on a mismatch reports the first differing cells or metadata.
    static func expectEqual(_ pm: JSONObject, _ quire: JSONObject) {
        let a = VolatileFields.normalise(pm), b = VolatileFields.normalise(quire)
        let metaA = NotebookJSON.canonical(a["metadata"] ?? [:]), metaB = NotebookJSON.canonical(b["metadata"] ?? [:])
        #expect(metaA == metaB, "notebook metadata\n--- papermill\n\(metaA)\n--- quire\n\(metaB)")
        for key in ["nbformat", "nbformat_minor"] {
            #expect(NotebookJSON.canonical(a[key] ?? 0) == NotebookJSON.canonical(b[key] ?? 0), "\(key)")
        }
        let ca = NotebookJSON.cells(a), cb = NotebookJSON.cells(b)
        #expect(ca.count == cb.count, "cell count \(ca.count) vs \(cb.count)")
        for (i, (x, y)) in zip(ca, cb).enumerated() {
            let sx = NotebookJSON.canonical(x), sy = NotebookJSON.canonical(y)
            #expect(sx == sy, "cell \(i)\n--- papermill\n\(sx)\n--- quire\n\(sy)")
        }
    }
}
