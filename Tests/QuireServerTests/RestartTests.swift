import Foundation
import QuireTestSupport
import NotebookFormat
import Testing

/// What survives a crash: runs a killed server left running are retried after restart and
/// finish; nothing stays `running`.
@Suite(.serialized) struct RestartTests {
    @Test func killNineMidRunThenRestartRetriesAndFinishes() async throws {
        let nbs = try Fixtures.folder()
        let data = Folder()
        var server = try ServeProcess(workers: 1, data: data.path)
        var http = HTTP(base: server.baseURL)
        let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/slow.ipynb"), "parameters": ["seconds": 6]]).json["id"]?.stringValue)
        try await http.waitForStatus(id, "running")
        // Kill while the notebook sleeps: its first cell has printed.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let out = try await http.get("/api/v1/runs/\(id)/output")
            if out.status == 200, out.text.contains("started") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.kill9()
        let firstLog = server.log
        server.stop()  // already dead: removes its log and TMPDIR, not the lent data folder
        KernelCleanup.killOrphans(startedUnder: nbs.path)

        let second = try ServeProcess(workers: 1, data: data.path)
        defer { second.stop() }
        server = second
        http = HTTP(base: server.baseURL)
        let run = try await http.waitForFinal(id, timeout: 120)
        #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(server.log)")
        #expect(run["attempt"] == .int(2), "first server:\n\(firstLog)\nsecond:\n\(server.log)")
        let transitions = (run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
        #expect(transitions == ["queued", "running", "queued", "running", "succeeded"], "\(transitions)")
        let running = try await http.get("/api/v1/runs?status=running").json["runs"]?.arrayValue ?? []
        #expect(running.isEmpty)
        // The retry wrote its own output; the first attempt's partial output is kept beside it.
        let outputs = try FileManager.default.contentsOfDirectory(atPath: data.path + "/runs/adhoc").filter { !$0.contains(".input.") }
        #expect(outputs.count == 2, "\(outputs)")
    }
}

/// Kernels of a SIGKILLed server survive it (own process groups); a test cleans them up the way
/// a supervisor's cgroup would. They are found by their working directory.
enum KernelCleanup {
    static func killOrphans(startedUnder folder: String) {
        guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        for pid in pids.compactMap(Int32.init) {
            guard let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd"),
                  cwd == resolved || cwd == folder,
                  let cmd = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8), cmd.contains("kernel") else { continue }
            kill(pid, SIGKILL)
        }
    }
}
