/// Reads a `ListBucketResult` (ListObjectsV2) into a `ListPage`.
enum S3ListResult {
    static func parse(_ body: [UInt8]) throws(XMLSyntaxError) -> ListPage {
        let root = try XMLReader.parse(body)
        guard root.name == "ListBucketResult" else {
            throw XMLSyntaxError(offset: 0, message: "expected ListBucketResult, found \(root.name)")
        }
        let encoded = root.value("EncodingType") == "url"
        func key(_ s: String) -> String { encoded ? AWSPercentEncoding.decode(s, plusIsSpace: true) : s }
        var objects: [ObjectInfo] = []
        var folders: [String] = []
        objects.reserveCapacity(root.children.count)
        for child in root.children {
            switch child.name {
            case "Contents":
                guard let k = child.value("Key") else { continue }
                objects.append(ObjectInfo(key: key(k), size: child.value("Size").flatMap(Int.init) ?? 0,
                                          modified: child.value("LastModified").flatMap(S3Dates.iso8601),
                                          etag: child.value("ETag").map(S3Store.unquote)))
            case "CommonPrefixes":
                if let p = child.value("Prefix") { folders.append(key(p)) }
            default:
                break
            }
        }
        let truncated = root.value("IsTruncated") == "true"
        let next = truncated ? root.value("NextContinuationToken") : nil
        if truncated && next == nil {
            throw XMLSyntaxError(offset: 0, message: "a truncated listing without NextContinuationToken")
        }
        return ListPage(objects: objects, folders: folders, nextToken: next)
    }
}
