import Foundation
import Glibc
import JupyterKernel
import NotebookExecution
import NotebookFormat
import QuireTestSupport
import Testing

/// The run prelude on real python3 and bash kernels from the venv. Serialized: one kernel at a time.
@Suite("run prelude", .serialized, .timeLimit(.minutes(5)))
struct RunPreludeTests {
    /// Everything a quoting bug trips over: both quotes, backslash, `$`, backticks, `!` (bash
    /// history expansion), tab (readline completion), CR, LF, U+2028 (a line break to Python's
    /// `splitlines`, which bash_kernel uses), accents and an astral emoji.
    static let tricky = "it's \"q\" \\ $HOME `id` !! ^x\ttab\rcr\nline2 \u{2028} é ü 😀 end"
    static let secret = "s3cr3t-VALUE-\u{1F511}"
    /// Text of the bash prelude lines (the secret is escaped there, but its ASCII start is not).
    static let bashPreludeMarks = ["s3cr3t", "QUIRE_SECRET=", "EUID=", "CDPATH", "does-not-exist"]

    @Test func pythonGetsDirectoryAndEnvironmentAndKeepsItsNamespace() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let cwd = dir.path + "/run dir 'q\" $x `b` é"
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        let kernel = try await KernelClient.start(try kernelSpec("python3"))
        do {
            let namesBefore = try await userExpression("sorted(globals())", on: kernel)

            let missing = dir.path + "/does-not-exist"
            let failure = await prelude(on: kernel, language: "python", cwd: missing, environment: ["QUIRE_SECRET": Self.secret])
            guard case .workingDirectoryFailed(let path, "python3", let reason) = failure else {
                throw TestFailure("expected workingDirectoryFailed, got \(String(describing: failure))")
            }
            #expect(path == missing)
            #expect(reason.contains("FileNotFoundError"), "says what went wrong: \(reason)")
            #expect(!"\(failure!)".contains(Self.secret))

            let environment = ["QUIRE_TRICKY": Self.tricky, "QUIRE_SECRET": Self.secret, "QUIRE_EMPTY": ""]
            try await RunPrelude.apply(on: kernel, language: "python", cwd: cwd, environment: environment)
            #expect(try await userExpression("sorted(globals())", on: kernel) == namesBefore, "the prelude binds no name")
            #expect(try await userExpression("In", on: kernel) == "['']", "nor enters the input history")

            // The first user cell, as the executor sends it.
            let check = try await kernel.run("""
                import json, os
                print(json.dumps([os.getcwd(), {k: os.environ.get(k) for k in \(Array(environment.keys).sorted())}]))
                """)
            #expect(check.reply.content["execution_count"] == 1, "the prelude used no execution count")
            let printed = try JSONValue.parse(Array(streamText(check).utf8))
            let realCwd = URL(fileURLWithPath: cwd).resolvingSymlinksInPath().path
            let expectedEnvironment = JSONObject(environment.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
            #expect(printed == .array([.string(realCwd), .object(expectedEnvironment)]))

            // A kernel that died before its prelude: a clear error, still without the values.
            kill(await kernel.pid, SIGKILL)
            let died = await prelude(on: kernel, language: "python", cwd: nil, environment: ["QUIRE_SECRET": Self.secret])
            guard case .environmentFailed(["QUIRE_SECRET"], "python3", let why) = died else {
                throw TestFailure("expected environmentFailed, got \(String(describing: died))")
            }
            #expect(why.contains("died") || why.contains("shut down") || why.contains("heartbeat"), "\(why)")
            #expect(!"\(died!)".contains(Self.secret))
        } catch {
            await kernel.shutdown()
            throw error
        }
        await kernel.shutdown()
    }

    @Test func bashGetsDirectoryAndEnvironmentAndRecordsNoHistory() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let cwd = dir.path + "/run dir 'q\" $x `b` é !!"
        let home = dir.path + "/home"
        for path in [cwd, home] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        var options = LaunchOptions()
        options.environment["HOME"] = home  // bash saves its history list to $HOME/.bash_history on exit
        let kernel = try await KernelClient.start(try kernelSpec("bash"), options: options)
        do {
            let missing = dir.path + "/does-not-exist"
            let failure = await prelude(on: kernel, language: "bash", cwd: missing, environment: ["QUIRE_SECRET": Self.secret])
            #expect(failure == .workingDirectoryFailed(path: missing, kernelName: "bash", reason: "exit status 1"))

            // EUID is read-only in bash: a real failure of the environment step.
            let readOnly = await prelude(on: kernel, language: "bash", cwd: nil, environment: ["EUID": Self.secret, "QUIRE_SECRET": Self.secret])
            #expect(readOnly == .environmentFailed(variables: ["EUID", "QUIRE_SECRET"], kernelName: "bash", reason: "exit status 1"))
            #expect(!"\(readOnly!)".contains(Self.secret))

            try await RunPrelude.apply(
                on: kernel, language: "bash", cwd: cwd, environment: ["QUIRE_TRICKY": Self.tricky, "QUIRE_SECRET": Self.secret])
            // base64 keeps newlines and control characters intact through the terminal.
            let check = try await kernel.run("""
                printf %s "$PWD" | base64 -w0; echo; printf %s "$(pwd)" | base64 -w0; echo
                printf %s "$QUIRE_TRICKY" | base64 -w0; echo; printf %s "$QUIRE_SECRET" | base64 -w0; echo
                """)
            let lines = streamText(check).split(whereSeparator: \.isNewline).map { decodeBase64(String($0)) }
            #expect(lines == [cwd, cwd, Self.tricky, Self.secret])

            let history = streamText(try await kernel.run("history"))
            #expect(history.contains("base64"), "history is on again for user code")
            // bash_kernel's own setup lines are in the list too (`export PAGER=cat`), so look for ours.
            for prelude in Self.bashPreludeMarks {
                #expect(!history.contains(prelude), "no prelude line in the history list: \(history)")
            }
        } catch {
            await kernel.shutdown()
            throw error
        }
        await kernel.shutdown()
        let saved = (try? String(contentsOfFile: home + "/.bash_history", encoding: .utf8)) ?? ""
        #expect(saved.contains("base64"), "bash saved its history where the test looks")
        for prelude in Self.bashPreludeMarks { #expect(!saved.contains(prelude), "no prelude line saved to disk: \(saved)") }
    }

    /// Checks that need no kernel code to run: what `code` refuses, and errors raised before
    /// anything is sent (one bash kernel serves as the target).
    @Test func unsupportedKernelsAndBadVariablesAreRefused() async throws {
        #expect(RunPrelude.code(language: "julia", kernelName: "julia-1.10", cwd: "/tmp", environment: [:]) == nil)
        #expect(RunPrelude.code(language: "python", kernelName: "pysparkkernel", cwd: "/tmp", environment: [:]) == nil)
        #expect(RunPrelude.code(language: "bash", kernelName: "bash", cwd: nil, environment: ["NOT-AN-ID": "x"]) == nil)
        #expect(RunPrelude.code(language: "python", kernelName: "python3", cwd: nil, environment: ["A=B": "x"]) == nil)
        #expect(RunPrelude.code(language: "python", kernelName: "python3", cwd: nil, environment: [:]) == "")
        #expect(RunPrelude.code(language: "python", kernelName: "python3", cwd: "/x", environment: [:]) == "__import__(\"os\").chdir(\"/x\")")

        let kernel = try await KernelClient.start(try kernelSpec("bash"))
        let unsupported = await prelude(on: kernel, language: "julia", cwd: "/tmp", environment: [:])
        let badName = await prelude(on: kernel, language: "bash", cwd: nil, environment: ["NOT-AN-ID": Self.secret])
        let nulValue = await prelude(on: kernel, language: "bash", cwd: nil, environment: ["QUIRE_X": "a\0" + Self.secret])
        let stillFine = (try? await kernel.run("echo ok")).map(streamText) ?? "<echo failed>"
        await kernel.shutdown()

        #expect(unsupported == .preludeUnsupported(kernelName: "bash", language: "julia"))
        guard case .invalidEnvironment("NOT-AN-ID", let reason) = badName else {
            throw TestFailure("expected invalidEnvironment, got \(String(describing: badName))")
        }
        #expect(reason.contains("letters, digits and _"))
        guard case .invalidEnvironment("QUIRE_X", let nulReason) = nulValue else {
            throw TestFailure("expected invalidEnvironment, got \(String(describing: nulValue))")
        }
        #expect(nulReason.contains("NUL"))
        #expect(!"\(nulValue!)".contains(Self.secret) && !"\(badName!)".contains(Self.secret))
        #expect(stillFine == "ok\n", "refused preludes sent nothing that broke the kernel")
    }

    /// R has no kernel in the venv: its code is checked as text (quoting of each kind of character).
    @Test func rPreludeQuotesEveryCharacterAsAnRStringLiteral() {
        let code = RunPrelude.code(
            language: "R", kernelName: "ir", cwd: "/data/run \"1\"", environment: ["B": "é😀\\\n", "A": "x"])
        #expect(code == """
            invisible(setwd("/data/run \\"1\\""))
            invisible(Sys.setenv("A" = "x", "B" = "\\u{00e9}\\U{0001f600}\\\\\\x0a"))
            """)
    }

    // MARK: helpers

    private func prelude(on kernel: KernelClient, language: String, cwd: String?, environment: [String: String]) async -> ParameterError? {
        do throws(ParameterError) {
            try await RunPrelude.apply(on: kernel, language: language, cwd: cwd, environment: environment, timeout: .seconds(60))
            return nil
        } catch {
            return error
        }
    }

    /// Evaluates `expression` without running a cell (a silent request's user expression).
    private func userExpression(_ expression: String, on kernel: KernelClient) async throws -> String {
        let r = try await kernel.run("", options: ExecuteOptions(silent: true, storeHistory: false, userExpressions: ["e": expression]))
        guard let text = r.reply.content["user_expressions"]?["e"]?["data"]?["text/plain"]?.stringValue else {
            throw TestFailure("no value for \(expression): \(r.reply.content)")
        }
        return text
    }

    private func streamText(_ result: ExecutionResult) -> String {
        result.outputs.filter { $0.msgType == "stream" && $0.content["name"]?.stringValue == "stdout" }
            .compactMap { $0.content["text"]?.stringValue }.joined()
    }

    private func decodeBase64(_ text: String) -> String {
        Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)).map { String(decoding: $0, as: UTF8.self) } ?? "<not base64: \(text)>"
    }

    private func kernelSpec(_ name: String) throws -> KernelSpec {
        var env = ProcessInfo.processInfo.environment
        env["VIRTUAL_ENV"] = URL(fileURLWithPath: TestPaths.venv).resolvingSymlinksInPath().path
        return try KernelSpecFinder(environment: env, workingDirectory: TestPaths.root).find(name)
    }
}
