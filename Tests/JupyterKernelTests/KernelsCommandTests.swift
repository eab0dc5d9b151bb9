import Foundation
import Testing

extension KernelTests {
    /// `quire kernels` lists the same kernels, with the same winners, as `jupyter kernelspec list`.
    @Suite("quire kernels vs jupyter kernelspec list", .timeLimit(.minutes(2)))
    struct KernelsCommandTests {
        static func run(_ executable: String, _ arguments: [String], environment: [String: String], cwd: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
            p.environment = environment
            p.currentDirectoryURL = URL(fileURLWithPath: cwd)
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(executable) \(arguments)")
            return String(decoding: data, as: UTF8.self)
        }

        /// Rows of the table, cut at the header's column positions (display names contain spaces).
        static func parseTable(_ text: String) -> [[String]] {
            let lines = text.split(separator: "\n").map(String.init)
            guard let header = lines.first else { return [] }
            let starts = ["NAME", "DISPLAY NAME", "LANGUAGE", "PATH"].map { header.range(of: $0)!.lowerBound.utf16Offset(in: header) }
            return lines.dropFirst().map { line in
                let u = Array(line.utf16)
                return starts.indices.map { i in
                    let from = min(starts[i], u.count), to = i + 1 < starts.count ? min(starts[i + 1], u.count) : u.count
                    return String(decoding: u[from..<to], as: UTF16.self).trimmingCharacters(in: .whitespaces)
                }
            }
        }

        @Test func sameSetAndPrecedenceAsJupyter() throws {
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            try DiscoveryTests.install("bash", in: tmp + "/jp", display: "Bash from JUPYTER_PATH", language: "bash")
            try DiscoveryTests.install("zeta", in: tmp + "/data", display: "Zeta kernel", language: "zeta")
            let env = ["HOME": tmp, "PATH": "/usr/bin:/bin", "JUPYTER_PATH": tmp + "/jp", "JUPYTER_DATA_DIR": tmp + "/data"]
            let quire = URL(fileURLWithPath: SignalCleanupTests.driver).deletingLastPathComponent().appendingPathComponent("quire").path
            let ours = Self.parseTable(try Self.run(quire, ["kernels", "--python", TestSupport.python], environment: env, cwd: tmp))
            let json = try Self.run(TestSupport.venv + "/bin/jupyter", ["kernelspec", "list", "--json"], environment: env, cwd: tmp)
            let theirs = try JSONDecoder().decode(DiscoveryTests.Listing.self, from: Data(json.utf8)).kernelspecs
            #expect(ours.map { $0[0] } == theirs.keys.sorted())
            #expect(ours.count >= 3)
            for row in ours {
                let j = try #require(theirs[row[0]])
                #expect(row == [row[0], j.spec.display_name, j.spec.language, j.resource_dir])
            }
        }
    }
}
