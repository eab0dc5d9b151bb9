import Crypto
import Foundation

/// AWS Signature Version 4, written from AWS's published algorithm ("Create a signed AWS API
/// request"): canonical request → string to sign → signing key (an HMAC chain over date, region,
/// service) → signature, sent in the `Authorization` header.
///
/// Payload: the caller chooses the `x-amz-content-sha256` value. Quire sends the SHA-256 of every
/// body (`S3PayloadSigning.hashed`, the default) so that S3 rejects a body corrupted in transit even
/// over plain HTTP to an S3-compatible server; `UNSIGNED-PAYLOAD` is available for HTTPS-only setups
/// that want to skip hashing.
struct SigV4Signer: Sendable {
    var credentials: AWSCredentials
    var region: String
    var service = "s3"

    /// A request to sign. `path` is the already encoded canonical URI; `query` holds raw names and
    /// values (encoded here); `headers` are those that will be sent, all of which are signed.
    struct Request {
        var method: String
        var host: String
        var path: String
        var query: [(String, String)] = []
        var headers: [(String, String)] = []
        var payloadHash: String
    }

    /// The signature and the intermediate strings (tests compare them with botocore's).
    struct Signed {
        var canonicalRequest: String
        var stringToSign: String
        var signature: String
        var authorization: String
        /// Every header to send, including `host`, `x-amz-date`, `x-amz-content-sha256`,
        /// `x-amz-security-token` and `authorization`.
        var headers: [(String, String)]
    }

    static let unsignedPayload = "UNSIGNED-PAYLOAD"
    static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    func sign(_ r: Request, at date: Date) -> Signed {
        let stamp = Self.timestamp(date)
        let day = String(stamp.prefix(8))
        var headers = r.headers
        headers.append(("host", r.host))
        headers.append(("x-amz-date", stamp))
        headers.append(("x-amz-content-sha256", r.payloadHash))
        if let token = credentials.sessionToken { headers.append(("x-amz-security-token", token)) }

        // Header names lower-cased and sorted; values trimmed with inner runs of spaces collapsed;
        // repeated names joined with commas, as the specification says.
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            merged[name.lowercased(), default: []].append(value.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")

        // Names and values encoded, then sorted by name and, for repeated names, by value.
        let encodedQuery: [(name: String, value: String)] = r.query.map {
            (AWSPercentEncoding.encode($0.0), AWSPercentEncoding.encode($0.1))
        }
        let sortedQuery = encodedQuery.sorted { a, b in a.name == b.name ? a.value < b.value : a.name < b.name }
        let canonicalQuery = sortedQuery.map { "\($0.name)=\($0.value)" }.joined(separator: "&")

        let canonicalRequest = [r.method, r.path, canonicalQuery, canonicalHeaders, signedHeaders, r.payloadHash]
            .joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8)))]
            .joined(separator: "\n")
        let key = signingKey(day: day)
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        headers.append(("authorization", authorization))
        return Signed(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
                      authorization: authorization, headers: headers)
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)\(two(tm.tm_mon + 1))\(two(tm.tm_mday))T\(two(tm.tm_hour))\(two(tm.tm_min))\(two(tm.tm_sec))Z"
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// SHA-256 of raw memory without copying it first (bodies are megabytes).
    static func sha256Hex(_ buffer: UnsafeRawBufferPointer) -> String {
        var h = SHA256()
        h.update(bufferPointer: buffer)
        return hex(h.finalize())
    }
}
