import Foundation

/// What happens to a run whose worker stopped renewing its lease (crashed, killed, lost its
/// network). The run is retried at once: the attempt never got to finish, so backoff would only
/// delay it. A lost worker is not the notebook's fault, so it earns one attempt beyond the job's
/// retry budget — a `kill -9` of the server does not turn a healthy one-attempt run into a failure
/// — but never more, so a notebook that kills its worker every time still ends `failed`.
public enum LeaseExpiry {
    public static func retryAt(for run: RunRecord, now: Date) -> Date? {
        run.attempt <= run.maxAttempts ? now : nil
    }
}
