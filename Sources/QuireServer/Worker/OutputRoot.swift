import Foundation
import NotebookStorage

/// The `--store` location split into a store and the key prefix under which runs are written.
struct OutputRoot: Sendable {
    let store: any NotebookStore
    let prefix: String

    static func resolve(_ url: String, resolver: StoreResolver) throws -> OutputRoot {
        if StoreResolver.isURL(url) && !url.lowercased().hasPrefix("file://") {
            let location: StoreLocation
            do { location = try resolver.location(url) } catch { throw ServeError.store(url: url, reason: "\(error)") }
            guard !url.lowercased().hasPrefix("http") else { throw ServeError.store(url: url, reason: "HTTP(S) stores are read-only") }
            return OutputRoot(store: location.store, prefix: location.key.hasSuffix("/") ? String(location.key.dropLast()) : location.key)
        }
        let path = url.lowercased().hasPrefix("file://") ? String(url.dropFirst(7)) : url
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        do { try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true) } catch {
            throw ServeError.store(url: url, reason: "cannot create the folder: \(error)")
        }
        return OutputRoot(store: LocalStore(root: absolute), prefix: "")
    }
}
