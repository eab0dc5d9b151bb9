import Foundation
import JupyterKernel

/// Kernels started ahead of any run: a neutral working directory; each run's own folder and
/// environment are applied by the run prelude before its first cell.
enum PoolLaunch {
    static func options() -> LaunchOptions {
        var o = LaunchOptions()
        o.workingDirectory = NSTemporaryDirectory()
        o.environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        for key in o.environment.keys where key.hasPrefix("QUIRE_") { o.environment[key] = nil }
        return o
    }
}
