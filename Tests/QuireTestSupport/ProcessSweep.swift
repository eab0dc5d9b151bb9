import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGKILLs every process whose command line contains `path` (other than `except`): the kernels
/// of a quire process, found by the private TMPDIR their connection files are under, as a
/// supervisor's cgroup would take them down with it.
func killProcesses(mentioning path: String, except: pid_t) {
    guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
    for pid in pids.compactMap(Int32.init) where pid != except {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
        if String(decoding: data, as: UTF8.self).contains(path) { kill(pid, SIGKILL) }
    }
}
