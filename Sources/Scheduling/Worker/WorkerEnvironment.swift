import Foundation
import JupyterKernel
import NotebookStorage

/// What every run on a worker shares: where notebooks come from and go, and where kernels come from.
public struct WorkerEnvironment: Sendable {
    /// Reads input notebooks (paths, file://, s3://, http(s)://).
    public var resolver: StoreResolver
    /// Where output notebooks and input snapshots are written: `<outputPrefix>/<job>/…` in it.
    public var outputStore: any NotebookStore
    public var outputPrefix: String
    /// Warm kernels; nil starts every kernel on demand.
    public var pool: KernelPool?
    public var kernels: KernelSpecFinder
    /// The worker's own environment: secrets are looked up here when a run starts.
    public var processEnvironment: [String: String]
    /// Base environment of kernels (the worker's, minus Quire's own secrets-bearing variables).
    public var kernelEnvironment: [String: String]
    public var startTimeout: Duration
    /// How often a running notebook's partial output is saved.
    public var saveInterval: Duration
    /// How long an interrupted cell gets before its kernel is killed (cancel, timeout).
    public var interruptGrace: Duration
    /// Where finished runs' kernels go to exit without holding up the worker.
    public var reaper: KernelReaper

    public init(resolver: StoreResolver, outputStore: any NotebookStore, outputPrefix: String = "", pool: KernelPool?,
                kernels: KernelSpecFinder = KernelSpecFinder(),
                processEnvironment: [String: String] = ProcessInfo.processInfo.environment,
                startTimeout: Duration = .seconds(60), saveInterval: Duration = .seconds(2),
                interruptGrace: Duration = .seconds(5), reaper: KernelReaper = KernelReaper()) {
        self.resolver = resolver
        self.outputStore = outputStore
        self.outputPrefix = outputPrefix
        self.pool = pool
        self.kernels = kernels
        self.processEnvironment = processEnvironment
        var env = processEnvironment
        for key in env.keys where key.hasPrefix("QUIRE_") || key.hasPrefix("AWS_SECRET") || key == "AWS_SESSION_TOKEN" {
            env[key] = nil
        }
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        self.kernelEnvironment = env
        self.startTimeout = startTimeout
        self.saveInterval = saveInterval
        self.interruptGrace = interruptGrace
        self.reaper = reaper
    }
}
