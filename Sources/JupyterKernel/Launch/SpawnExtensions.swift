import Glibc

/// glibc's GNU spawn extensions, which Swift's Glibc module does not import (they sit behind
/// `_GNU_SOURCE`); looked up at run time so no C shim is needed.
enum SpawnExtensions {
    /// `POSIX_SPAWN_SETSID` from glibc's spawn.h (glibc ≥ 2.26).
    static let setsid: Int32 = 0x80

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static func symbol<T>(_ name: String, as: T.Type) -> T? {
        guard let p = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(p, to: T.self)
    }

    static func chdir(_ actions: inout posix_spawn_file_actions_t, _ dir: String) -> Bool {
        guard let f = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self) else { return false }
        return f(&actions, dir) == 0
    }

    /// Keeps Quire's other descriptors (sockets, other kernels' logs) out of the kernel.
    static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ fd: Int32) {
        if let f = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self) { _ = f(&actions, fd) }
    }
}
