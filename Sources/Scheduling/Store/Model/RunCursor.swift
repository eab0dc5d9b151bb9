import Foundation

/// The opaque listing cursor: the last listed run's id in unpadded base64url, so clients treat it
/// as a token rather than building one from an id.
enum RunCursor {
    static func encode(_ id: RunID) -> String {
        Data(id.rawValue.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) throws(SchedulingStoreError) -> RunID {
        var b64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        b64 += String(repeating: "=", count: (4 - b64.count % 4) % 4)
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidCursor(cursor, reason: "not a cursor returned by a listing (bad base64)")
        }
        guard let id = RunID(text) else {
            throw .invalidCursor(cursor, reason: "does not hold a run id")
        }
        return id
    }
}
