import Foundation
import NotebookFormat
import Testing

/// `quire run` on bad input and on runs that go wrong: each ends with its documented exit code, a
/// clear message, and — wherever execution started — a valid partial output notebook.
@Suite(.serialized) struct RunErrorPathTests {
    static func notebook(_ sources: [String], kernel: String = "python3") -> String {
        let cells = sources.enumerated().map { i, s in
            #"{"cell_type": "code", "execution_count": null, "id": "c\#(i)", "metadata": {}, "outputs": [], "source": \#(String(decoding: JSONValue.string(s).serialized(), as: UTF8.self))}"#
        }
        return #"{"cells": [\#(cells.joined(separator: ","))], "metadata": {"kernelspec": {"name": "\#(kernel)", "display_name": "k", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}"#
    }

    static func write(_ text: String, in dir: TempDir, _ name: String = "in.ipynb") -> String {
        let path = "\(dir.path)/\(name)"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Starts `quire run` in the background, for tests that act on it while it runs.
    /// Starts `quire run input out` with TMPDIR set to `runtimeFolder(out)`, where its kernel's
    /// runtime folder (connection file, sockets) is made: inside the test's temporary folder, so
    /// it goes with it even after a SIGKILL, and a test can see whether quire removed it.
    static func startRun(_ input: String, _ out: String) throws -> Process {
        try FileManager.default.createDirectory(atPath: runtimeFolder(out), withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: QuireBinary.path)
        p.arguments = ["run", input, out]
        p.currentDirectoryURL = URL(fileURLWithPath: QuireBinary.root)
        p.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": runtimeFolder(out)]) { $1 }
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func runtimeFolder(_ out: String) -> String {
        URL(fileURLWithPath: out).deletingLastPathComponent().path + "/runtime"
    }

    /// Processes whose working directory is `dir`: kernels run in the input's folder, so any left
    /// here after Quire exited are orphans.
    static func processes(in dir: String) -> [String] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.filter { Int($0) != nil }.filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\($0)/cwd")) == dir
        }
    }

    static func load(_ path: String) throws -> Notebook {
        try Notebook.read(contentsOf: path).notebook
    }

    @Test func missingInput() throws {
        let tmp = TempDir()
        let r = try QuireBinary.run(["run", "/nonexistent/in.ipynb", "\(tmp.path)/out.ipynb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/in.ipynb: No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: "\(tmp.path)/out.ipynb"))
    }

    @Test func missingOutputIsUsageError() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["1"]), in: tmp)
        let r = try QuireBinary.run(["run", input])
        #expect(r.status == 2)
        #expect(r.stderr.contains("missing OUTPUT"))
        #expect(r.stdout.isEmpty)
    }

    @Test func invalidJSON() throws {
        let tmp = TempDir()
        let input = Self.write("{\"cells\": [", in: tmp)
        let r = try QuireBinary.run(["run", input, "\(tmp.path)/out.ipynb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a notebook: invalid JSON"))
    }

    @Test func invalidNotebook() throws {
        let tmp = TempDir()
        let input = Self.write(#"{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": 3}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#, in: tmp)
        let r = try QuireBinary.run(["run", input, "\(tmp.path)/out.ipynb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cells[0].source: expected a string or an array of strings, found 3"))
    }

    @Test func unknownKernelListsAvailableOnes() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["1"], kernel: "nosuchkernel"), in: tmp)
        let r = try QuireBinary.run(["run", input, "\(tmp.path)/out.ipynb"], cwd: QuireBinary.root)
        #expect(r.status == 2)
        #expect(r.stderr.contains("no kernel named 'nosuchkernel'; available kernels:"))
        #expect(r.stderr.contains("python3") && r.stderr.contains("bash"))
    }

    @Test func unwritableOutputFolder() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["1"]), in: tmp)
        let r = try QuireBinary.run(["run", input, "\(tmp.path)/no/such/dir/out.ipynb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("does not exist"))
    }

    @Test func badEnvOption() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["1"]), in: tmp)
        let r = try QuireBinary.run(["run", input, "\(tmp.path)/out.ipynb", "-e", "NOEQUALS"], cwd: QuireBinary.root)
        #expect(r.status == 2)
        #expect(r.stderr.contains("-e/--env expects NAME=VALUE, got 'NOEQUALS'"))
    }

    @Test func cellTimeoutInterruptsAndWritesBanner() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["import time\ntime.sleep(30)", "print('never')"]), in: tmp)
        let out = "\(tmp.path)/out.ipynb"
        let started = Date()
        let r = try QuireBinary.run(["run", input, out, "--execution-timeout", "1"], cwd: QuireBinary.root)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(r.status == 1)
        let nb = try Self.load(out)
        #expect(nb.cells[0].source.contains("timed out after 1.0 seconds"))
        let timedOut = try #require(nb.cells.first { $0.source.hasPrefix("import time") })
        #expect(timedOut.metadata["papermill"]?["status"] == "failed")
        #expect(timedOut.outputs.contains { if case .error(let e, _, _) = $0 { e == "KeyboardInterrupt" } else { false } })
        #expect(nb.cells.last?.metadata["papermill"]?["status"] == "pending")
    }

    @Test func kernelKilledMidRunExits3() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["print('a')", "import os\nos._exit(7)", "print('never')"]), in: tmp)
        let out = "\(tmp.path)/out.ipynb"
        let r = try QuireBinary.run(["run", input, out], cwd: QuireBinary.root)
        #expect(r.status == 3)
        #expect(Self.processes(in: tmp.path).isEmpty)
        let nb = try Self.load(out)
        #expect(nb.cells[0].source.contains("The kernel died while running"))
        #expect(nb.cells[0].source.contains("exit code 7"))
        #expect(nb.cells.last?.metadata["papermill"]?["status"] == "pending")
    }

    @Test func inputInACellFailsClearly() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["x = input('name? ')"]), in: tmp)
        let out = "\(tmp.path)/out.ipynb"
        let r = try QuireBinary.run(["run", input, out], cwd: QuireBinary.root)
        #expect(r.status == 1)
        let nb = try Self.load(out)
        let cell = try #require(nb.cells.first { $0.isCode })
        let text = cell.outputs.compactMap { if case .stream(_, let t) = $0 { t } else { nil } }.joined()
        #expect(text.contains("input is not supported in batch runs"))
    }

    @Test func sigtermMidRunWritesPartialNotebook() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["print('first')", "import time\ntime.sleep(30)", "print('never')"]), in: tmp)
        let out = "\(tmp.path)/out.ipynb"
        let p = try Self.startRun(input, out)
        // Wait until the sleeping cell is running (its status is saved within a second).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let nb = try? Self.load(out), nb.cells.count > 1, nb.cells[1].metadata["papermill"]?["status"] == "running" { break }
            usleep(100_000)
        }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(p.terminationStatus == 143)
        #expect(Self.processes(in: tmp.path).isEmpty, "the kernel must not outlive quire")
        let left = try FileManager.default.contentsOfDirectory(atPath: Self.runtimeFolder(out))
        #expect(left.isEmpty, "the kernel's connection file and sockets are removed: \(left)")
        let nb = try Self.load(out)
        #expect(nb.cells[0].source.contains("Execution was interrupted (SIGTERM)"))
        #expect(nb.cells.last?.metadata["papermill"]?["status"] == "pending")
    }

    @Test func sigkillLeavesAValidSnapshot() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["print('saved')", "import time\ntime.sleep(30)"]), in: tmp)
        let out = "\(tmp.path)/out.ipynb"
        let p = try Self.startRun(input, out)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let nb = try? Self.load(out), nb.cells.count > 1, nb.cells[1].metadata["papermill"]?["status"] == "running" { break }
            usleep(50_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // No handler runs on SIGKILL: what is on disk is the last atomic snapshot, complete and valid.
        let nb = try Self.load(out)
        #expect(nb.cells[0].outputs.count == 1)
        #expect(nb.cells[1].metadata["papermill"]?["status"] == "running")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no half-written temporary file: \(leftovers)")
    }

    @Test func outputIsLiveWhileRunning() throws {
        let tmp = TempDir()
        let input = Self.write(Self.notebook(["print('early')", "import time\ntime.sleep(3)"]), in: tmp)
        let out = "\(tmp.path)/out.ipynb"
        let p = try Self.startRun(input, out)
        var sawEarlyOutput = false
        var sawKernel = false
        while p.isRunning {
            if !Self.processes(in: tmp.path).isEmpty { sawKernel = true }
            // Every snapshot on disk must be a complete, valid notebook.
            if FileManager.default.fileExists(atPath: out) {
                let nb = try Self.load(out)
                if case .stream(_, let t)? = nb.cells[0].outputs.first, t == "early\n" { sawEarlyOutput = true }
            }
            usleep(50_000)
        }
        #expect(p.terminationStatus == 0)
        #expect(sawEarlyOutput, "the first cell's output reached the file before the run ended")
        #expect(sawKernel, "the orphan check above can see a kernel by its working directory")
        #expect(Self.processes(in: tmp.path).isEmpty)
    }
}
