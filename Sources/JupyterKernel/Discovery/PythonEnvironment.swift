import Foundation

/// What Quire needs to know about a Python environment without running Python on the hot path.
enum PythonEnvironment {
    /// `sys.prefix` of an interpreter: a venv is recognised by `pyvenv.cfg` next to `bin/`; otherwise
    /// the interpreter is asked once (a user-chosen `--python`, so running it is expected).
    static func prefix(ofInterpreter python: String, environment: [String: String]) -> String? {
        let abs = python.hasPrefix("/") ? python : FileManager.default.currentDirectoryPath + "/" + python
        let binDir = (abs as NSString).deletingLastPathComponent
        let candidate = (binDir as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: candidate + "/pyvenv.cfg") { return candidate }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: abs)
        p.arguments = ["-c", "import sys; print(sys.prefix)"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let out = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return p.terminationStatus == 0 && !out.isEmpty ? out : nil
    }

    /// `realpath(3)`, or the path unchanged when it does not exist.
    static func resolved(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return path }
        defer { free(r) }
        return String(cString: r)
    }

    static func owns(_ path: String) -> Bool {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
            let owner = attrs[.ownerAccountID] as? NSNumber
        else { return false }
        return owner.uint32Value == geteuid()
    }

    /// The `python3` spec jupyter_client synthesizes when no directory provides one but ipykernel is
    /// importable in its own environment.
    static func nativeKernel(prefix: String?) -> KernelSpec? {
        guard let prefix, let lib = try? FileManager.default.contentsOfDirectory(atPath: prefix + "/lib")
        else { return nil }
        for dir in lib.sorted() where dir.hasPrefix("python3") {
            let resources = "\(prefix)/lib/\(dir)/site-packages/ipykernel/resources"
            if FileManager.default.fileExists(atPath: resources) {
                return KernelSpec(
                    name: "python3", resourceDirectory: resources,
                    argv: [prefix + "/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                    displayName: "Python 3 (ipykernel)", language: "python")
            }
        }
        return nil
    }
}
