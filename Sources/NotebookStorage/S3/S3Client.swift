import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends signed S3 API calls over async-http-client, retrying what a retry can fix (connection
/// errors, 5xx, throttling) with exponential backoff and jitter, and turning S3's error answers
/// into `StorageError`s that name the bucket, key, status and S3 error code.
struct S3Client: Sendable {
    let config: S3Configuration
    let http: HTTPClient

    init(config: S3Configuration, http: HTTPClient = StorageHTTPClients.s3) {
        self.config = config
        self.http = http
    }

    /// Sends `request` until it gets a final answer; returns it when its status is 2xx.
    func send(_ request: S3Request) async throws(StorageError) -> S3Response {
        let credentials = try await currentCredentials()
        let target = S3Addressing(config: config, bucket: request.bucket, key: request.key)
        let payloadHash = Self.payloadHash(request.body, signing: config.payloadSigning)
        var attempt = 0
        while true {
            attempt += 1
            let signer = SigV4Signer(credentials: credentials, region: config.region)
            let signed = signer.sign(SigV4Signer.Request(
                method: request.method.rawValue, host: target.host, path: target.path,
                query: request.query, headers: request.headers, payloadHash: payloadHash), at: Date())
            let outcome: Result<S3Response, any Error>
            do {
                outcome = .success(try await execute(request, url: target.url(query: request.query), headers: signed.headers))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response) where (200..<300).contains(response.status):
                return response
            case .success(let response):
                let failure = S3ErrorMapping.error(for: response, request: request)
                if attempt < config.maxAttempts, S3ErrorMapping.isRetryable(response) {
                    try await backoff(attempt, url: request.s3URL)
                    continue
                }
                throw failure
            case .failure(let error as InjectedFailure):
                throw .interrupted(url: request.s3URL, reason: error.description)
            case .failure(let error):
                if Task.isCancelled { throw .unreachable(url: request.s3URL, reason: "cancelled", attempts: attempt) }
                if attempt < config.maxAttempts {
                    try await backoff(attempt, url: request.s3URL)
                    continue
                }
                throw .unreachable(url: "\(request.s3URL) (\(target.origin))", reason: Self.describe(error), attempts: attempt)
            }
        }
    }

    private func currentCredentials() async throws(StorageError) -> AWSCredentials {
        if let keys = config.credentials { return keys }
        if let provider = config.credentialProvider { return try await provider.credentials() }
        throw .missingCredentials(reason: config.credentialsProblem)
    }

    private func execute(_ request: S3Request, url: String, headers: [(String, String)]) async throws -> S3Response {
        var r = HTTPClientRequest(url: url)
        r.method = request.method
        r.headers = HTTPHeaders(headers)
        switch request.body {
        case .empty:
            if request.method == .PUT || request.method == .POST { r.body = .bytes(ByteBuffer()) }
        case .bytes(let bytes):
            r.body = .bytes(bytes)
        case .slice(let body, let range):
            if body.failAfter == nil {
                r.body = .bytes(body.bytes[range])
            } else {
                // Streamed so that the injected failure cuts the upload mid-body, as a dying writer would.
                r.body = .stream(FailingChunks(body: body, range: range), length: .known(Int64(range.count)))
            }
        }
        let timeout = TimeAmount.nanoseconds(Int64(config.requestTimeout.components.seconds) * 1_000_000_000)
        let response = try await http.execute(r, timeout: timeout)
        var bytes: [UInt8] = []
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), request.method != .HEAD {
            bytes.reserveCapacity(length)
        }
        for try await chunk in response.body {
            chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
        }
        return S3Response(status: Int(response.status.code), headers: response.headers, body: bytes)
    }

    /// Sleeps before attempt `attempt + 1`: base × 2^(attempt-1), with full jitter.
    private func backoff(_ attempt: Int, url: String) async throws(StorageError) {
        let cap = config.retryBaseDelay * (1 << min(attempt - 1, 10))
        let nanos = Double(cap.components.seconds) * 1e9 + Double(cap.components.attoseconds) / 1e9
        do {
            try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0.5...1.0) * nanos))
        } catch {
            throw .unreachable(url: url, reason: "cancelled", attempts: attempt)
        }
    }

    static func payloadHash(_ body: S3Request.Body, signing: S3PayloadSigning) -> String {
        switch body {
        case .empty: SigV4Signer.emptyPayloadHash
        case _ where signing == .unsigned: SigV4Signer.unsignedPayload
        case .bytes(let b): SigV4Signer.sha256Hex(b)
        case .slice(let body, let range): body.bytes.withUnsafeBytes {
            SigV4Signer.sha256Hex(UnsafeRawBufferPointer(rebasing: $0[range]))
        }
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.isEmpty ? "\(type(of: error))" : text
    }
}

/// A write body's range as an async sequence of buffers that throws at the injected failure point.
struct FailingChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let body: WriteBody
    let range: Range<Int>

    struct AsyncIterator: AsyncIteratorProtocol {
        let body: WriteBody
        var next: Int
        let end: Int
        mutating func next() async throws -> ByteBuffer? {
            guard next < end else { return nil }
            let r = next..<Swift.min(next + 64 << 10, end)
            next = r.upperBound
            return ByteBuffer(bytes: try body.slice(r))
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: body, next: range.lowerBound, end: range.upperBound) }
}
