import Foundation
import Testing

/// papermill corpus (§10.2): how runs end — exit codes, banner positions, statuses — and the
/// failure notebooks of nbclient's assertion-based tests (§10.1, second table).
@Suite("papermill corpus: exits and banners (§10.2)")
struct PapermillExitTests {
    static let pm = Paths.papermillCorpus

    @Test("sys.exit(), sys.exit(0), raise SystemExit: exit 0, no banner, later cells not run",
          arguments: ["sysexit.ipynb", "sysexit0.ipynb", "systemexit.ipynb"])
    func cleanExit(_ file: String) async throws {
        let o = try await RunOutcome.of(Self.pm + "/" + file)
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        #expect(o.banners.isEmpty)
        let errors = NotebookJSON.outputs(o.cells[1]).filter { $0["output_type"] as? String == "error" }
        #expect(errors.count == 1 && errors[0]["ename"] as? String == "SystemExit")
        #expect(["", "0"].contains(errors.first?["evalue"] as? String ?? "?"))
        #expect(NotebookJSON.papermill(o.cells[1])["status"] as? String == "failed")
        #expect(NotebookJSON.count(o.cells[2]) == nil)
        #expect(NotebookJSON.outputs(o.cells[2]).isEmpty)
        #expect(NotebookJSON.papermill(o.cells[2])["status"] as? String == "pending")
        #expect(o.papermill["exception"] as? Bool == true)
    }

    @Test("sys.exit(1): banner In [2], exit 1")
    func exitOne() async throws {
        let o = try await RunOutcome.of(Self.pm + "/sysexit1.ipynb")
        #expect(o.result.status == 1)
        #expect(o.banners == [0, 2], "banner before the failing cell (index 1 before insertion)")
        #expect(o.topBannerMentions("In [2]"))
        #expect(NotebookJSON.papermill(o.cells[4])["status"] as? String == "pending")
    }

    @Test("line magic error: UsageError on stderr, no error output, banner In [1], exit 1")
    func lineMagic() async throws {
        let o = try await RunOutcome.of(Self.pm + "/line_magic_error.ipynb")
        #expect(o.result.status == 1)
        #expect(o.banners == [0, 1])
        #expect(o.topBannerMentions("In [1]"))
        let outs = NotebookJSON.outputs(o.cells[2])
        #expect(!outs.contains { $0["output_type"] as? String == "error" })
        #expect(outs.contains { $0["name"] as? String == "stderr" && NotebookJSON.joined($0["text"]).contains("UsageError") })
        #expect(NotebookJSON.papermill(o.cells[2])["status"] as? String == "failed")
        #expect(NotebookJSON.papermill(o.cells[3])["status"] as? String == "pending")
    }

    @Test("broken1 without parameters: stale banners replaced by exactly two new ones, last cell pending")
    func broken1() async throws {
        let o = try await RunOutcome.of(Self.pm + "/broken1.ipynb")
        #expect(o.result.status == 1)
        // Input: 3 markdown + 2 stale banners… after removal: md, code print, md, md, code assert, code py2.
        #expect(o.banners.count == 2)
        #expect(o.banners == [0, 5], "cells: \(o.cells.map { NotebookJSON.source($0).prefix(30) })")
        #expect(o.topBannerMentions("In [2]"))
        #expect(NotebookJSON.source(o.cells[6]) == "assert False")
        #expect(NotebookJSON.papermill(o.cells[6])["status"] as? String == "failed")
        #expect(NotebookJSON.papermill(o.cells.last!)["status"] as? String == "pending")
        #expect(o.cells.count == 8)
    }

    @Test("Error.ipynb: 0 / 0 fails the run with exit 1 and a banner")
    func zeroDivision() async throws {
        let o = try await RunOutcome.of(Paths.nbclientCorpus + "/Error.ipynb")
        #expect(o.result.status == 1)
        #expect(o.banners == [0, 1])
        #expect(NotebookJSON.outputs(o.cells[2]).last?["ename"] as? String == "ZeroDivisionError")
        #expect(try await o.validates())
    }

    @Test("Disable Stdin: input() gives StdinNotImplementedError and Quire's message, no hang")
    func stdin() async throws {
        let o = try await RunOutcome.of(Paths.nbclientCorpus + "/Disable Stdin.ipynb", ["-k", "python3"])
        // A hang would last until the test's time limit; a refused input() ends in seconds.
        #expect(o.result.elapsed < .seconds(30))
        #expect(o.result.status == 1)
        let outs = NotebookJSON.outputs(o.unbannered[0])
        let errors = outs.filter { $0["output_type"] as? String == "error" }
        #expect(errors.count == 1)
        #expect(errors.first?["ename"] as? String == "StdinNotImplementedError")
        #expect(errors.first?["evalue"] as? String == "raw_input was called, but this frontend does not support input requests.")
        let stderr = outs.filter { $0["name"] as? String == "stderr" }.map { NotebookJSON.joined($0["text"]) }.joined()
        #expect(stderr.contains("input is not supported in batch runs"), "Quire's explanation on the cell's stderr: \(stderr)")
    }

    @Test("Autokill: the kernel kills itself → exit 3, banner says it died, partial output valid")
    func autokill() async throws {
        let o = try await RunOutcome.of(Paths.nbclientCorpus + "/Autokill.ipynb")
        #expect(o.result.status == 3, "stderr: \(o.result.stderr)")
        #expect(o.banners.count == 2)
        #expect(o.topBannerMentions("kernel died"))
        #expect(try await o.validates())
    }
}
