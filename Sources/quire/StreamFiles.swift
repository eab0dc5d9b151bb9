import Foundation
import NotebookFormat

/// `--stdout-file` / `--stderr-file`: the kernel's stream text appended and flushed as it arrives.
struct StreamFiles: Sendable {
    private let stdout: FileHandle?
    private let stderr: FileHandle?

    init(stdout: String?, stderr: String?) throws(RunFailure) {
        self.stdout = try Self.open(stdout)
        self.stderr = try Self.open(stderr)
    }

    private static func open(_ path: String?) throws(RunFailure) -> FileHandle? {
        guard let path else { return nil }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw RunFailure(2, "\(path): cannot create stream file")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw RunFailure(2, "\(path): cannot open for writing") }
        h.seekToEndOfFile()
        return h
    }

    func append(_ output: Output) {
        guard case .stream(let name, let text) = output else { return }
        let target = name == "stderr" ? stderr : stdout
        target?.write(Data(text.utf8))
    }
}
