import Foundation
import Glibc
import Testing

extension KernelTests {
    /// When Quire itself gets SIGTERM or SIGINT, its kernels die with it (no orphan keeps running)
    /// and their connection files and sockets are removed.
    /// Uses the `quire-kernel-bench hold` driver as "a Quire process holding a kernel".
    @Suite("kernels do not outlive Quire", .timeLimit(.minutes(2)))
    struct SignalCleanupTests {
        static var driver: String {
            let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            var candidates = [dir.appendingPathComponent("quire-kernel-bench").path]
            // The test bundle may be one directory deeper than the executables.
            candidates.append(dir.deletingLastPathComponent().appendingPathComponent("quire-kernel-bench").path)
            return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
        }

        @Test(arguments: [SIGTERM, SIGINT])
        func kernelDiesWithQuire(signal: Int32) async throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.driver)
            p.arguments = ["hold"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let fields = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
            let kernelPID = try #require(fields.first.flatMap { Int32($0) })
            let runtimeDir = try #require(fields.last)
            #expect(FileManager.default.fileExists(atPath: runtimeDir))
            #expect(processState(kernelPID) != nil, "kernel running while Quire holds it")
            kill(p.processIdentifier, signal)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == signal)
            // Well under ipykernel's own 1 s parent-pid poll, so only Quire's handler can pass this.
            let deadline = ContinuousClock.now + .milliseconds(400)
            while ContinuousClock.now < deadline, let s = processState(kernelPID), s != "Z" {
                try await Task.sleep(for: .milliseconds(20))
            }
            let state = processState(kernelPID)
            #expect(state == nil || state == "Z", "kernel \(kernelPID) still running (state \(state ?? "-"))")
            #expect(!FileManager.default.fileExists(atPath: runtimeDir), "connection file, sockets and log removed")
        }

        /// A forked kernel is the fork server's child, not Quire's; when Quire dies, even by SIGKILL
        /// (no handler runs), the fork server sees its socket close and takes its kernels down.
        @Test(arguments: [SIGKILL, SIGTERM])
        func forkServerAndItsKernelsDieWithQuire(signal: Int32) async throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.driver)
            p.arguments = ["hold", "--fork-server"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let fields = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
            let kernelPID = try #require(fields.first.flatMap { Int32($0) })
            let server = try #require(parentPID(kernelPID))
            #expect(processName(server) == "quire-forksrv", "the kernel was forked")
            #expect(parentPID(server) == p.processIdentifier)
            let runtimeDir = try #require(fields.last)
            let cmdline = try #require(FileManager.default.contents(atPath: "/proc/\(server)/cmdline"))
            let script = try #require(String(decoding: cmdline, as: UTF8.self).split(separator: "\0").first { $0.hasSuffix("/forkserver.py") })
            let serverDir = URL(fileURLWithPath: String(script)).deletingLastPathComponent().path
            kill(p.processIdentifier, signal)
            p.waitUntilExit()
            try await waitUntilGone(kernelPID)
            try await waitUntilGone(server)
            #expect(!FileManager.default.fileExists(atPath: runtimeDir), "the kernel's connection file and sockets removed")
            #expect(!FileManager.default.fileExists(atPath: serverDir), "the fork server's script and log removed")
        }
    }
}
