import Foundation

/// A PostgreSQL location as `quire serve --database` takes it:
/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require|verify-full]`
/// (`postgresql://` too). Parsing checks everything that can be checked without a server.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS; libpq's `sslmode` names and meanings (`prefer` and `require`
    /// encrypt without checking the certificate, `verify-full` checks it and the host name).
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public static let schemes: Set<String> = ["postgres", "postgresql"]

    /// True when `text` is meant for this backend (whether or not it is valid).
    public static func isPostgres(_ text: String) -> Bool {
        schemes.contains { text.lowercased().hasPrefix($0 + "://") }
    }

    public init(_ text: String) throws(SchedulingStoreError) {
        let shown = Self.masked(text)
        func bad(_ reason: String) -> SchedulingStoreError { .invalidDatabaseURL(shown, reason: reason) }
        guard let colon = text.firstIndex(of: ":"), Self.schemes.contains(text[..<colon].lowercased()) else {
            throw bad("the scheme must be postgres:// or postgresql://")
        }
        guard let parts = URLComponents(string: text), parts.percentEncodedHost != nil else {
            throw bad("not a URL of the form postgres://user:password@host:port/database")
        }
        guard let host = parts.host, !host.isEmpty else { throw bad("no host name") }
        guard let user = parts.user, !user.isEmpty else { throw bad("no user name (postgres://USER@host/database)") }
        let name = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !name.isEmpty else { throw bad("no database name (postgres://user@host:port/DATABASE)") }
        guard !name.contains("/") else { throw bad("the database name \(name.debugDescription) contains a slash") }
        if let port = parts.port, !(1...65535).contains(port) { throw bad("port \(port) is out of range") }
        var tls = TLSMode.prefer
        for item in parts.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw bad("unknown option \(item.name.debugDescription) (only sslmode is understood)")
            }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw bad("sslmode \((item.value ?? "").debugDescription) is not one of \(modes)")
            }
            tls = mode
        }
        // Brackets of an IPv6 literal are URL syntax, not part of the address.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = parts.port ?? 5432
        username = user
        password = parts.password
        database = name
        self.tls = tls
    }

    /// The URL with the password masked, for messages and logs.
    public var description: String {
        let credentials = username + (password == nil ? "" : ":***")
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(credentials)@\(shownHost):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }

    /// Masks whatever stands between `user:` and `@` so that a password never reaches a message,
    /// even from a URL too broken to parse.
    static func masked(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else {
            return text
        }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
