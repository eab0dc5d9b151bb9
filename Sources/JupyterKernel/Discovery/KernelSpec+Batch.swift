extension KernelSpec {
    /// The spec as unattended runs use it. nbclient keeps ipykernel's history in memory so that
    /// parallel kernels do not fight over one SQLite file (and no code lands in a history file);
    /// Quire does the same for `quire run` and for the server's workers.
    public var forBatchExecution: KernelSpec {
        var s = self
        if s.argv.contains(where: { $0.contains("ipykernel") }), !s.argv.contains(where: { $0.hasPrefix("--HistoryManager.hist_file") }) {
            s.argv.append("--HistoryManager.hist_file=:memory:")
        }
        return s
    }
}
