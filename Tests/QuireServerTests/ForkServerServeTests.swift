import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// `quire serve` forks its pooled Python kernels from a fork server unless `--no-fork-server`;
/// either way every run gets a process of its own.
@Suite(.serialized) struct ForkServerServeTests {
    @Test(arguments: [false, true])
    func runsGetAFreshKernelForkedOrNot(disabled: Bool) async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1, extraArgs: disabled ? ["--no-fork-server"] : [])
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        var lines: [[String]] = []
        for _ in 0..<2 {
            let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/process.ipynb")])
            let id = try #require(reply.json["id"]?.stringValue, "\(reply.text)")
            let run = try await http.waitForFinal(id)
            #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(server.log)")
            let nb = try Notebook.load(try await http.get("/api/v1/runs/\(id)/output").body, file: "output").notebook
            let text = nb.cells.flatMap(\.outputs).compactMap { out -> String? in if case .stream(_, let t) = out { t } else { nil } }.joined()
            lines.append(text.split(whereSeparator: \.isWhitespace).map(String.init))
        }
        // "parent <name> pid <pid> random <x>"
        for fields in lines { #expect(fields.count == 6 && fields[1] == (disabled ? "quire" : "quire-forksrv"), "\(fields)") }
        #expect(lines[0][3] != lines[1][3], "a new process per run")
        #expect(lines[0][5] != lines[1][5], "random is not shared between runs")
    }
}
