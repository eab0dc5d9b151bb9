import Foundation

extension S3Store {
    /// Uploads a large body in parts, `partConcurrency` at a time. The object appears only when
    /// CompleteMultipartUpload succeeds; on any failure the upload is aborted so that no parts are
    /// left behind (and billed), and the previous object stays as it was.
    func multipartUpload(_ body: WriteBody, to key: String, ifAbsent: Bool) async throws(StorageError) {
        // Conditional completion is recent in S3 and not in every compatible service, so check
        // first as well; the If-None-Match on completion closes the race where S3 supports it.
        if ifAbsent, try await exists(key) { throw .alreadyExists(url: url(for: key)) }
        let initiated = try await client.send(S3Request(
            method: .POST, bucket: bucket, key: key, query: [("uploads", "")],
            headers: [("content-type", "application/x-ipynb+json")]))
        guard let uploadID = (try? XMLReader.parse(initiated.body))?.value("UploadId"), !uploadID.isEmpty else {
            throw .s3(bucket: bucket, key: key, status: initiated.status, code: "MalformedResponse",
                      message: "CreateMultipartUpload answered without an UploadId")
        }
        do throws(StorageError) {
            let etags = try await uploadParts(body, key: key, uploadID: uploadID)
            var xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            for (i, etag) in etags.enumerated() {
                xml += "<Part><PartNumber>\(i + 1)</PartNumber><ETag>\(Self.escape(etag))</ETag></Part>"
            }
            xml += "</CompleteMultipartUpload>"
            var headers = [("content-type", "application/xml")]
            if ifAbsent { headers.append(("if-none-match", "*")) }
            let done = try await client.send(S3Request(method: .POST, bucket: bucket, key: key,
                                                       query: [("uploadId", uploadID)], headers: headers,
                                                       body: .bytes(Array(xml.utf8))))
            // S3 may answer 200 and still report a failure in the body (documented for this call).
            if let (code, message) = S3ErrorMapping.parse(done.body) {
                throw StorageError.s3(bucket: bucket, key: key, status: done.status, code: code, message: message)
            }
        } catch {
            await abort(uploadID, key: key)
            throw error
        }
    }

    private func uploadParts(_ body: WriteBody, key: String, uploadID: String) async throws(StorageError) -> [String] {
        let size = max(client.config.partSize, 5 << 20)
        let parts = body.chunks(of: size)
        var etags = [String](repeating: "", count: parts.count)
        do {
            try await withThrowingTaskGroup(of: (Int, String).self) { group in
                var next = 0
                func start() {
                    let i = next
                    next += 1
                    group.addTask {
                        let r = try await client.send(S3Request(
                            method: .PUT, bucket: bucket, key: key,
                            query: [("partNumber", String(i + 1)), ("uploadId", uploadID)], body: .slice(body, parts[i])))
                        guard let etag = r.header("etag") else {
                            throw StorageError.s3(bucket: bucket, key: key, status: r.status, code: "MalformedResponse",
                                                  message: "UploadPart \(i + 1) answered without an ETag")
                        }
                        return (i, etag)
                    }
                }
                while next < min(parts.count, max(1, client.config.partConcurrency)) { start() }
                while let (i, etag) = try await group.next() {
                    etags[i] = etag
                    if next < parts.count { start() }
                }
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .unreachable(url: url(for: key), reason: S3Client.describe(error), attempts: 1)
        }
        return etags
    }

    /// Best effort: a failed abort leaves parts that a bucket lifecycle rule cleans up. Run in an
    /// unstructured task so that it still goes out when the upload failed by being cancelled.
    private func abort(_ uploadID: String, key: String) async {
        let (client, bucket) = (client, bucket)
        await Task {
            _ = try? await client.send(S3Request(method: .DELETE, bucket: bucket, key: key, query: [("uploadId", uploadID)]))
        }.value
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
