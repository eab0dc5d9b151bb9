import AsyncHTTPClient
import Foundation

/// Temporary credentials from one `AWSCredentialSource`, fetched on first use and again shortly
/// before they expire; concurrent requests share one fetch. Shared by every copy of the
/// `S3Configuration` that holds it, so a worker fetches once per expiry, not once per request.
public actor AWSCredentialProvider {
    public nonisolated let source: AWSCredentialSource
    private let http: HTTPClient
    private var cached: TemporaryCredentials?
    private var inFlight: Task<TemporaryCredentials, any Error>?

    /// Credentials this close to their expiration are replaced before use (the SDKs refresh
    /// 5–15 minutes ahead, so a long upload never starts with credentials about to end).
    static let refreshAhead: TimeInterval = 300

    public init(source: AWSCredentialSource, http: HTTPClient = StorageHTTPClients.s3) {
        self.source = source
        self.http = http
    }

    public func credentials(now: Date = Date()) async throws(StorageError) -> AWSCredentials {
        if let c = cached, !Self.isStale(c.expiration, now: now) { return c.credentials }
        let task = inFlight ?? Task { [source, http] in try await AWSCredentialFetch.fetch(source, http: http) }
        inFlight = task
        do {
            let fresh = try await task.value
            inFlight = nil
            cached = fresh
            return fresh.credentials
        } catch {
            inFlight = nil
            // A failed refresh is not fatal while the old credentials are still valid.
            if let c = cached, let expiration = c.expiration, expiration > now { return c.credentials }
            throw .missingCredentials(reason: "no access key or profile is configured, and \(error)")
        }
    }

    static func isStale(_ expiration: Date?, now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) < refreshAhead
    }
}
