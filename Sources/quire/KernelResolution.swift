import Foundation
import JupyterKernel

/// Finds the kernelspec a run asks for and prepares it for unattended execution.
enum KernelResolution {
    static func spec(named name: String) throws(RunFailure) -> KernelSpec {
        let finder = KernelSpecFinder()
        do {
            return try finder.find(name)
        } catch {
            let available = finder.findAll().map(\.name).sorted()
            let list = available.isEmpty ? "none installed" : available.joined(separator: ", ")
            throw RunFailure(2, "no kernel named '\(name)'; available kernels: \(list)")
        }
    }

    static func launchOptions(for spec: KernelSpec, cwd: String?, env: [String], startTimeout: Double)
        throws(RunFailure) -> LaunchOptions
    {
        var o = LaunchOptions()
        o.workingDirectory = cwd
        o.startupTimeout = .milliseconds(Int(startTimeout * 1000))
        o.environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        for pair in env {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw RunFailure(2, "-e/--env expects NAME=VALUE, got '\(pair)'")
            }
            o.environment[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        if let cwd {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: cwd, isDirectory: &isDir), isDir.boolValue else {
                throw RunFailure(2, "--cwd \(cwd): no such folder")
            }
        }
        return o
    }
}
