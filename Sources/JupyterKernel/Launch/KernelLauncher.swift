import Foundation

/// A started kernel process plus the files that belong to it.
struct LaunchedKernel: Sendable {
    let process: KernelProcess
    let connection: ConnectionInfo
    let runtimeDirectory: String
    let argv: [String]

    /// Removes the connection file, IPC sockets and log. Only after the process is gone.
    func removeFiles() {
        try? FileManager.default.removeItem(atPath: runtimeDirectory)
    }
}

/// Turns a kernelspec into a running process, following jupyter_client's `launch_kernel`.
enum KernelLauncher {
    static func launch(_ spec: KernelSpec, options: LaunchOptions) async throws(KernelError) -> LaunchedKernel {
        let dir = try makeRuntimeDirectory(parent: options.runtimeParent)
        do {
            let kernelID = UUID().uuidString.lowercased()
            let connectionPath = dir + "/kernel-\(kernelID).json"
            let info: ConnectionInfo
            switch options.transport {
            case .ipc:
                // Short prefix: Unix socket paths are limited to 107 bytes.
                info = ConnectionInfo(
                    transport: .ipc, ip: dir + "/k", shellPort: 1, iopubPort: 2, stdinPort: 3,
                    controlPort: 4, hbPort: 5, key: ConnectionInfo.freshKey(), kernelName: spec.name)
            case .tcp:
                let p = try PortAllocator.freePorts(5, host: "127.0.0.1")
                info = ConnectionInfo(
                    transport: .tcp, ip: "127.0.0.1", shellPort: p[0], iopubPort: p[1], stdinPort: p[2],
                    controlPort: p[3], hbPort: p[4], key: ConnectionInfo.freshKey(), kernelName: spec.name)
            }
            try info.write(to: connectionPath)
            let argv = ArgvResolver.resolve(spec, connectionFile: connectionPath, environment: options.environment)
            let env = environment(for: spec, base: options.environment)
            let logPath = dir + "/kernel.log"
            let runtimeFiles = [connectionPath, logPath] + info.ipcPaths + [dir]
            let forked = await options.forkServers?.launch(
                argv: argv, connectionFile: connectionPath, environment: env,
                workingDirectory: options.workingDirectory ?? FileManager.default.currentDirectoryPath,
                logPath: logPath, runtimeParent: options.runtimeParent, readyTimeout: options.startupTimeout,
                runtimeFiles: runtimeFiles)
            let process: KernelProcess
            if let forked {
                process = forked
            } else {
                process = try KernelProcess.spawn(
                    argv: argv, environment: env, workingDirectory: options.workingDirectory, logPath: logPath,
                    runtimeFiles: runtimeFiles)
            }
            return LaunchedKernel(process: process, connection: info, runtimeDirectory: dir, argv: argv)
        } catch {
            try? FileManager.default.removeItem(atPath: dir)
            throw error
        }
    }

    /// Inherited environment + the spec's `env` (with `$VAR` expansion) + `JPY_PARENT_PID`, which
    /// makes ipykernel exit by itself if Quire disappears without shutting it down.
    static func environment(for spec: KernelSpec, base: [String: String]) -> [String: String] {
        var env = base
        for (k, v) in spec.env { env[k] = EnvTemplate.expand(v, with: base) }
        env["JPY_PARENT_PID"] = String(getpid())
        if spec.language.lowercased() == "python" { env["PYTHONEXECUTABLE"] = nil }
        return env
    }

    private static func makeRuntimeDirectory(parent: String) throws(KernelError) -> String {
        var template = Array((parent + "/quire-XXXXXX").utf8CString)
        let ok = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard ok else { throw .io(path: parent, errno: errno) }
        return String(cString: template)
    }
}
