/// By default the first kernel started installs SIGINT/SIGTERM handlers that kill every kernel
/// at once and then let the signal terminate the process: right for a one-shot `quire run`, wrong
/// for a process that drains on SIGTERM (a worker letting running notebooks finish), whose
/// kernels would die under it. Such a process calls `leaveToHost()` before starting any kernel
/// and shuts its kernels down itself.
public enum KernelSignalCleanup {
    public static func leaveToHost() {
        KernelRegistry.shared.leaveSignalsToHost()
    }
}
