import JupyterKernel
import NotebookExecution

/// Gets a run its kernel: a warm one from the pool when the kernel's language lets Quire set the
/// working directory and environment after start-up (the run prelude), otherwise a fresh one
/// started with them.
struct KernelProvider: Sendable {
    let environment: WorkerEnvironment

    /// `runEnvironment`: what this run adds to the worker's kernel environment (its `env` and its
    /// secrets); `fullEnvironment`: everything a freshly started kernel gets.
    func kernel(for spec: KernelSpec, cwd: String?, runEnvironment: [String: String], fullEnvironment: [String: String]) async throws -> KernelClient {
        if let pool = environment.pool,
           RunPrelude.code(language: spec.language, kernelName: spec.name, cwd: cwd, environment: runEnvironment) != nil {
            let client = try await pool.take(spec)
            do {
                try await RunPrelude.apply(on: client, language: spec.language, cwd: cwd, environment: runEnvironment)
                return client
            } catch {
                await client.shutdown()
                throw error
            }
        }
        var options = LaunchOptions()
        options.workingDirectory = cwd
        options.environment = fullEnvironment
        options.startupTimeout = environment.startTimeout
        return try await KernelClient.start(spec, options: options)
    }
}
