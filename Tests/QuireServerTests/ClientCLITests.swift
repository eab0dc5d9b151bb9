import Foundation
import QuireTestSupport
import NotebookFormat
import Testing

/// `quire submit`, `quire runs …` and `quire jobs …` against a real server.
@Suite(.serialized) struct ClientCLITests {
    @Test func submitWaitMirrorsTheRunAndRunsCommandsWork() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let s = ["--server", server.baseURL]

        let ok = try Quire.run(["submit", nbs.path + "/params.ipynb", "-p", "x", "4", "-p", "name", "cli", "--wait"] + s)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("succeeded"))
        let outputPath = ok.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try String(contentsOfFile: outputPath, encoding: .utf8).contains("hello cli 8"))

        let failed = try Quire.run(["submit", nbs.path + "/fail.ipynb", "--wait"] + s)
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains("ValueError"))

        let bad = try Quire.run(["submit", nbs.path + "/params.ipynb", "-p", "x", "notanint"] + s)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("parameters.x"), "\(bad.stderr)")
        let unreachable = try Quire.run(["submit", nbs.path + "/params.ipynb", "--server", "http://127.0.0.1:9"])
        #expect(unreachable.status == 3)
        #expect(unreachable.stderr.contains("cannot reach"))

        let list = try Quire.run(["runs", "list", "--json"] + s)
        #expect(list.status == 0)
        let runs = try JSONValue.parse(list.stdout)["runs"]?.arrayValue ?? []
        #expect(runs.count == 2)
        let table = try Quire.run(["runs", "list", "--status", "failed"] + s)
        #expect(table.stdout.contains("failed") && !table.stdout.contains("succeeded"), "\(table.stdout)")

        let id = runs.last!["id"]!.stringValue!
        let show = try Quire.run(["runs", "show", id] + s)
        #expect(show.status == 0 && show.stdout.contains("succeeded") && show.stdout.contains("running"))
        let out = try Quire.run(["runs", "output", id] + s)
        #expect(try Notebook.load(Array(out.stdout.utf8), file: "o").notebook.cells.count > 2)
        let rerun = try Quire.run(["runs", "rerun", id, "-p", "name", "second", "--wait"] + s)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Quire.run(["runs", "cancel", id] + s).status == 2)
        #expect(try Quire.run(["runs", "show", "r000000000000nothing00"] + s).status == 2)
    }

    @Test func jobsCommands() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let s = ["--server", server.baseURL]
        let file = nbs.path + "/job.yaml"
        try "name: cli-job\nnotebook: \(nbs.path)/params.ipynb\nschedule: \"0 6 * * 1-5\"\ntimezone: America/New_York\nparameters:\n  x: 3\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let add = try Quire.run(["jobs", "add", file] + s)
        #expect(add.status == 0, "\(add.stderr)")
        let list = try Quire.run(["jobs", "list"] + s)
        #expect(list.stdout.contains("cli-job") && list.stdout.contains("0 6 * * 1-5"), "\(list.stdout)")
        #expect(try Quire.run(["jobs", "pause", "cli-job"] + s).stdout.contains("paused"))
        #expect(try Quire.run(["jobs", "resume", "cli-job"] + s).stdout.contains("active"))
        let show = try Quire.run(["jobs", "show", "cli-job", "--json"] + s)
        #expect(try JSONValue.parse(show.stdout)["definition"]?["timezone"]?.stringValue == "America/New_York")
        let trigger = try Quire.run(["jobs", "trigger", "cli-job", "-p", "name", "jobs", "--wait"] + s)
        #expect(trigger.status == 0, "\(trigger.stderr)")
        #expect(try String(contentsOfFile: trigger.stdout.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8).contains("hello jobs 6"))
        try "name: broken\nnotebook: x.ipynb\nschedule: \"every day\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try Quire.run(["jobs", "add", file] + s)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("schedule"), "\(broken.stderr)")
    }
}
