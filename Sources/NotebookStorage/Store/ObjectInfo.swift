import Foundation

/// What a listing or `stat` tells about one object.
public struct ObjectInfo: Sendable, Equatable {
    /// The key relative to the store's root.
    public var key: String
    /// Size in bytes.
    public var size: Int
    /// Last modification time (UTC), when the store reports one.
    public var modified: Date?
    /// The entity tag without quotes, when the store reports one (S3 and HTTP; local stores derive
    /// one from size and modification time so a viewer can cache on it).
    public var etag: String?

    public init(key: String, size: Int, modified: Date?, etag: String?) {
        self.key = key
        self.size = size
        self.modified = modified
        self.etag = etag
    }
}

/// One page of a listing.
public struct ListPage: Sendable {
    /// Objects in key order.
    public var objects: [ObjectInfo]
    /// With a delimiter: the "sub-folders" (prefixes ending in the delimiter) on this page.
    public var folders: [String]
    /// Pass to the next `list` call; `nil` on the last page.
    public var nextToken: String?

    public init(objects: [ObjectInfo], folders: [String], nextToken: String?) {
        self.objects = objects
        self.folders = folders
        self.nextToken = nextToken
    }
}
