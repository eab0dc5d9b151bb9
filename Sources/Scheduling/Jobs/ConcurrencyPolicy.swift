/// What happens when a job's next run is due while an earlier run of it is still going
/// (the same choices as a Kubernetes CronJob's `concurrencyPolicy`).
public enum ConcurrencyPolicy: String, Sendable, CaseIterable {
    /// Start the new run alongside the old one.
    case allow
    /// Skip the new run; the old one keeps going. The default: notebooks that write the same
    /// outputs must not overlap unless asked to.
    case forbid
    /// Cancel the old run and start the new one.
    case replace
}
