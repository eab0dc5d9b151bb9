import Foundation
import NotebookFormat
import Testing

@testable import JupyterKernel

extension KernelTests {
    /// What a kernel process gets at launch: argv, environment, working directory, process group,
    /// and a private connection file.
    @Suite("launch", .timeLimit(.minutes(2)))
    struct LaunchTests {
        @Test func argvPlaceholdersAndPythonResolution() {
            let spec = KernelSpec(
                name: "x", resourceDirectory: TestSupport.venv + "/share/jupyter/kernels/x",
                argv: ["python", "-f", "{connection_file}", "--res={resource_dir}", "{foo}", "~/a"],
                displayName: "X", language: "python")
            let argv = ArgvResolver.resolve(spec, connectionFile: "/tmp/c.json", environment: [:])
            #expect(argv == [
                TestSupport.venv + "/bin/python", "-f", "/tmp/c.json", "--res=" + spec.resourceDirectory, "{foo}",
                NSHomeDirectory() + "/a",
            ])
        }

        @Test func envTemplateMatchesPythonSafeSubstitute() throws {
            let cases = ["$HOME/x", "${HOME}y", "$$HOME", "$UNSET and ${UNSET}", "cost: 5$", "$1abc", "a$"]
            let env = ["HOME": "/h", "PATH": "/bin"]
            let script = """
                import json, string, sys
                env = json.loads(sys.argv[1])
                print(json.dumps([string.Template(c).safe_substitute(env) for c in json.loads(sys.argv[2])]))
                """
            let casesJSON = String(decoding: JSONValue.array(cases.map { .string($0) }).serialized(), as: UTF8.self)
            let expected = try JSONValue.parse(try TestSupport.runPython(
                script, arguments: [#"{"HOME": "/h", "PATH": "/bin"}"#, casesJSON]))
            #expect(JSONValue.array(cases.map { .string(EnvTemplate.expand($0, with: env)) }) == expected)
        }

        @Test func environmentWorkingDirectoryGroupAndConnectionFile() async throws {
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            var spec = try TestSupport.spec("python3")
            spec.env = ["QUIRE_PROBE": "${QUIRE_BASE}/probe", "PYTHONEXECUTABLE": "/bogus"]
            var options = LaunchOptions()
            options.workingDirectory = tmp
            options.environment["QUIRE_BASE"] = "/base"
            options.runtimeParent = tmp
            let k = try await KernelClient.start(spec, options: options)
            let r = try await k.run("""
                import os, json
                print(json.dumps([os.environ.get('QUIRE_PROBE'), os.environ.get('JPY_PARENT_PID'),
                                  os.getcwd(), os.getpgid(0) == os.getpid(), os.getsid(0) == os.getpid()]))
                """)
            let values = try JSONValue.parse(TestSupport.streamText(r))
            #expect(values == ["/base/probe", .string(String(getpid())), .string(tmp), true, true])
            let dir = await k.runtimeDirectory
            let files = try FileManager.default.contentsOfDirectory(atPath: dir)
            let connection = try #require(files.first { $0.hasPrefix("kernel-") && $0.hasSuffix(".json") })
            let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/" + connection)
            #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let info = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + connection)))
            #expect(info["transport"] == "ipc")
            #expect(info["signature_scheme"] == "hmac-sha256")
            #expect((info["key"]?.stringValue?.count ?? 0) == 33)
            #expect(files.contains("k-1") && files.contains("k-5"), "IPC sockets live in the runtime directory")
            await k.shutdown()
            #expect(!FileManager.default.fileExists(atPath: dir), "connection file and sockets removed")
        }

        @Test func executeTimeoutIsTypedAndKernelStaysUsable() async throws {
            try await TestSupport.withKernel { k in
                let start = ContinuousClock.now
                await #expect {
                    _ = try await k.run("import time; time.sleep(5)", options: ExecuteOptions(stopOnError: false, timeout: .milliseconds(300)))
                } throws: { error in
                    if case KernelError.timeout("execute_request", _) = error { return true }
                    return false
                }
                #expect(ContinuousClock.now - start < .seconds(1))
                // stop_on_error is off for the abandoned cell, or ipykernel would abort the next
                // request if it arrives before the KeyboardInterrupt has been handled.
                try await k.interrupt()
                let after = try await k.run("'alive'")
                #expect(after.outputs.last?.content["data"]?["text/plain"] == "'alive'")
            }
        }
    }
}
