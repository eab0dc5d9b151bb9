import Glibc

/// How Quire starts every process on the kernel side (kernels and fork servers): in a session and
/// process group of its own, so interrupts and kills reach its children too; default signal
/// dispositions and an empty mask, so SIGINT works even where Quire ignores or blocks it; stdin from
/// /dev/null and stdout+stderr appended to `logPath`; no other descriptor of Quire's (sockets, other
/// kernels' logs) besides `channel`, which the child gets as fd 3.
enum SessionSpawn {
    static func start(
        argv: [String], environment: [String: String], directory: String?, logPath: String, channel: Int32? = nil
    ) throws(KernelError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, logPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        if let channel { posix_spawn_file_actions_adddup2(&actions, channel, 3) }
        SpawnExtensions.closeFrom(&actions, channel == nil ? 3 : 4)
        if let directory, !SpawnExtensions.chdir(&actions, directory) {
            throw .launchFailed(argv: argv, reason: "this C library cannot set a working directory")
        }
        var attrs = posix_spawnattr_t()
        posix_spawnattr_init(&attrs)
        defer { posix_spawnattr_destroy(&attrs) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attrs, &all)
        posix_spawnattr_setsigmask(&attrs, &none)
        posix_spawnattr_setflags(&attrs, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | SpawnExtensions.setsid))

        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = cArgv.withUnsafeBufferPointer { a in
            cEnv.withUnsafeBufferPointer { e in
                argv[0].contains("/")
                    ? posix_spawn(&pid, argv[0], &actions, &attrs, a.baseAddress!, e.baseAddress!)
                    : posix_spawnp(&pid, argv[0], &actions, &attrs, a.baseAddress!, e.baseAddress!)
            }
        }
        guard rc == 0 else { throw .launchFailed(argv: argv, reason: String(cString: strerror(rc))) }
        return pid
    }
}
