import Foundation
import JupyterKernel
import Testing

extension KernelTests {
    /// Kernelspec discovery compared with `jupyter kernelspec list --json` from the repo's venv,
    /// in environments built to exercise each precedence rule.
    @Suite("kernelspec discovery vs jupyter kernelspec list", .timeLimit(.minutes(2)))
    struct DiscoveryTests {
        struct Listing: Decodable {
            struct Entry: Decodable {
                struct Spec: Decodable { let display_name: String; let language: String }
                let resource_dir: String
                let spec: Spec
            }
            let kernelspecs: [String: Entry]
        }

        /// Writes `<dir>/kernels/<name>/kernel.json`.
        static func install(_ name: String, in dataDir: String, display: String, language: String = "python") throws {
            let dir = dataDir + "/kernels/" + name
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let json = #"{"argv": ["python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "\#(display)", "language": "\#(language)"}"#
            try json.write(toFile: dir + "/kernel.json", atomically: true, encoding: .utf8)
        }

        @discardableResult
        static func compare(environment: [String: String]) throws -> [String: KernelSpec] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TestSupport.venv + "/bin/jupyter")
            p.arguments = ["kernelspec", "list", "--json"]
            p.environment = environment
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let jupyter = try JSONDecoder().decode(Listing.self, from: data).kernelspecs
            let ours = KernelSpecFinder(python: TestSupport.python, environment: environment, workingDirectory: "/").findAll()
            #expect(ours.map(\.name) == jupyter.keys.sorted())
            for spec in ours {
                let j = try #require(jupyter[spec.name])
                #expect(spec.resourceDirectory == j.resource_dir, "\(spec.name)")
                #expect(spec.displayName == j.spec.display_name, "\(spec.name)")
                #expect(spec.language == j.spec.language, "\(spec.name)")
            }
            return Dictionary(uniqueKeysWithValues: ours.map { ($0.name, $0) })
        }

        /// JUPYTER_PATH beats everything, duplicates resolve to the first directory, an upper-case
        /// directory is found lower-cased, and in a venv the env prefix beats the user data dir.
        @Test func jupyterPathDataDirAndVenvPrecedence() throws {
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            try Self.install("bash", in: tmp + "/jp1", display: "Bash from JUPYTER_PATH", language: "bash")
            try Self.install("dup", in: tmp + "/jp1", display: "dup first")
            try Self.install("dup", in: tmp + "/jp2", display: "dup second")
            try Self.install("Upper.Case", in: tmp + "/jp2", display: "upper")
            try Self.install("python3", in: tmp + "/data", display: "user python3 (loses to venv)")
            try Self.install("useronly", in: tmp + "/data", display: "user only")
            try Self.install("legacy", in: tmp + "/home/.ipython", display: "ipython dir")
            let env = [
                "HOME": tmp + "/home", "PATH": "/usr/bin:/bin", "JUPYTER_PATH": "\(tmp)/jp1/:\(tmp)/jp2",
                "JUPYTER_DATA_DIR": tmp + "/data",
            ]
            let found = try Self.compare(environment: env)
            #expect(found["dup"]?.displayName == "dup first")
            #expect(found["bash"]?.displayName == "Bash from JUPYTER_PATH")
            #expect(found["upper.case"]?.displayName == "upper")
            #expect(found["useronly"] != nil)
            #expect(found["python3"]?.resourceDirectory == TestSupport.venv + "/share/jupyter/kernels/python3")
        }

        /// `JUPYTER_PREFER_ENV_PATH=0` puts the user dir (here via XDG_DATA_HOME) before the venv.
        @Test func preferEnvPathOffPutsUserFirst() throws {
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            try Self.install("python3", in: tmp + "/xdg/jupyter", display: "user python3 wins")
            let env = [
                "HOME": tmp + "/home", "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": tmp + "/xdg",
                "JUPYTER_PREFER_ENV_PATH": "0",
            ]
            try Self.compare(environment: env)
            let spec = try KernelSpecFinder(python: TestSupport.python, environment: env).find("PYTHON3")
            #expect(spec.displayName == "user python3 wins")
        }

        @Test func unknownKernelNamesTheSearchedDirectories() throws {
            #expect {
                try TestSupport.finder.find("no-such-kernel")
            } throws: { error in
                guard case KernelError.noSuchKernel(let name, let dirs) = error else { return false }
                return name == "no-such-kernel" && dirs.contains(TestSupport.venv + "/share/jupyter/kernels")
            }
        }
    }
}
