import Foundation

/// Finds kernelspecs the way `jupyter kernelspec list` does on Linux (jupyter_core `jupyter_path`,
/// jupyter_client `KernelSpecManager`): the first directory that provides a name wins.
public struct KernelSpecFinder: Sendable {
    /// `sys.prefix` of the Python environment that plays the role of "the Python running Jupyter".
    public var environmentPrefix: String?
    public var environment: [String: String]

    /// - Parameters:
    ///   - python: an interpreter (`--python` / `QUIRE_PYTHON`); its prefix is the environment.
    ///     Otherwise `VIRTUAL_ENV`, else `.venv` in `workingDirectory` if it exists.
    public init(
        python: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        let python = python ?? environment["QUIRE_PYTHON"]
        if let python, !python.isEmpty {
            environmentPrefix = PythonEnvironment.prefix(ofInterpreter: python, environment: environment)
        } else if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty {
            environmentPrefix = venv
        } else if FileManager.default.fileExists(atPath: workingDirectory + "/.venv/bin/python") {
            environmentPrefix = workingDirectory + "/.venv"
        } else {
            environmentPrefix = nil
        }
        // Python reports sys.prefix with symlinks resolved; so must we, to list the same paths.
        environmentPrefix = environmentPrefix.map(PythonEnvironment.resolved)
    }

    /// Data directories in precedence order, each to be suffixed with `/kernels`.
    public var dataDirectories: [String] {
        var paths: [String] = []
        if let jp = environment["JUPYTER_PATH"], !jp.isEmpty {
            paths += jp.split(separator: ":", omittingEmptySubsequences: false).map {
                var s = String($0)
                while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
                return s
            }
        }
        let system = ["/usr/local/share/jupyter", "/usr/share/jupyter"]
        let user = [userDataDirectory]
        let env = environmentPrefix.map { [$0 + "/share/jupyter"] }?.filter { !system.contains($0) } ?? []
        paths += preferEnvironment ? env + user : user + env
        for s in system where !paths.contains(s) { paths.append(s) }
        return paths
    }

    /// `$JUPYTER_DATA_DIR`, else `${XDG_DATA_HOME:-~/.local/share}/jupyter`.
    var userDataDirectory: String {
        if let d = environment["JUPYTER_DATA_DIR"], !d.isEmpty { return d }
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return x + "/jupyter" }
        return home + "/.local/share/jupyter"
    }

    var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// jupyter_core puts the environment first when `JUPYTER_PREFER_ENV_PATH` says so, or when unset
    /// and the environment is a virtualenv (or a non-base conda env) the user owns.
    var preferEnvironment: Bool {
        if let v = environment["JUPYTER_PREFER_ENV_PATH"] {
            return !["no", "n", "false", "off", "0", "0.0"].contains(v.lowercased())
        }
        guard let prefix = environmentPrefix else { return false }
        if FileManager.default.fileExists(atPath: prefix + "/pyvenv.cfg") { return PythonEnvironment.owns(prefix) }
        if let conda = environment["CONDA_PREFIX"], prefix.hasPrefix(conda),
            (environment["CONDA_DEFAULT_ENV"] ?? "base") != "base"
        {
            return PythonEnvironment.owns(prefix)
        }
        return false
    }

    /// Kernel directories searched, lowest index wins; `~/.ipython/kernels` comes last as in jupyter_client.
    public var kernelDirectories: [String] {
        let ipython = environment["IPYTHONDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.ipython"
        return dataDirectories.map { $0 + "/kernels" } + [ipython + "/kernels"]
    }

    /// All kernelspecs, sorted by name; per name the first directory in search order wins.
    public func findAll() -> [KernelSpec] {
        var found: [String: KernelSpec] = [:]
        let fm = FileManager.default
        for dir in kernelDirectories {
            guard let entries = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for entry in entries.sorted() {
                let path = dir + "/" + entry
                let key = entry.lowercased()
                guard found[key] == nil, fm.fileExists(atPath: path + "/kernel.json"),
                    let spec = try? KernelSpec(directory: path)
                else { continue }
                found[key] = spec
            }
        }
        if found["python3"] == nil, let native = PythonEnvironment.nativeKernel(prefix: environmentPrefix) {
            found["python3"] = native
        }
        return found.values.sorted { $0.name < $1.name }
    }

    /// Looks a kernelspec up by name, case-insensitively.
    public func find(_ name: String) throws(KernelError) -> KernelSpec {
        let key = name.lowercased() == "python" ? "python3" : name.lowercased()
        if let spec = findAll().first(where: { $0.name == key }) { return spec }
        throw .noSuchKernel(name: name, searched: kernelDirectories)
    }
}
