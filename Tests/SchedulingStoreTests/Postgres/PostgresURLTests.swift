import Foundation
import Scheduling
import Testing

/// `--database postgres://…` parsing: what is accepted, and a specific error (password masked)
/// for everything else, before any connection is tried.
@Suite struct PostgresURLTests {
    @Test func aFullURLIsParsed() throws {
        let url = try PostgresURL("postgresql://ana:p%40ss:w@db.example.org:6543/quire_prod?sslmode=verify-full")
        #expect(url.host == "db.example.org" && url.port == 6543 && url.username == "ana")
        #expect(url.password == "p@ss:w" && url.database == "quire_prod" && url.tls == .verifyFull)
        #expect(url.description == "postgres://ana:***@db.example.org:6543/quire_prod?sslmode=verify-full")
        let short = try PostgresURL("postgres://ana@127.0.0.1/q")
        #expect(short.port == 5432 && short.password == nil && short.tls == .prefer)
        #expect(short.description == "postgres://ana@127.0.0.1:5432/q")
        #expect(try PostgresURL("postgres://u:p@[::1]:5433/q").host == "::1")
        #expect(PostgresURL.isPostgres("POSTGRES://x") && PostgresURL.isPostgres("postgresql://x"))
        #expect(!PostgresURL.isPostgres("sqlite:/tmp/x.db") && !PostgresURL.isPostgres("/data/postgres://x"))
    }

    @Test(arguments: [
        ("mysql://ana:secret@db/quire", "mysql://ana:***@db/quire", "scheme must be postgres://"),
        ("/srv/quire.db", "/srv/quire.db", "scheme must be postgres://"),
        ("postgres://ana:secret@db.example.org:5432", "postgres://ana:***@db.example.org:5432", "no database name"),
        ("postgres://ana:secret@db.example.org/", "postgres://ana:***@db.example.org/", "no database name"),
        ("postgres://db.example.org/quire", "postgres://db.example.org/quire", "no user name"),
        ("postgres://ana@/quire", "postgres://ana@/quire", "no host name"),
        ("postgres://ana:secret@db:99999/quire", "postgres://ana:***@db:99999/quire", "port 99999 is out of range"),
        ("postgres://ana:secret@db/quire/x", "postgres://ana:***@db/quire/x", "contains a slash"),
        ("postgres://ana@db/quire?sslmode=maybe", "postgres://ana@db/quire?sslmode=maybe", "sslmode \"maybe\" is not one of"),
        ("postgres://ana@db/quire?timeout=5", "postgres://ana@db/quire?timeout=5", "unknown option \"timeout\""),
        ("postgres://ana:secret@db:port/quire", "postgres://ana:***@db:port/quire", "not a URL"),
    ])
    func badURLsAreRefusedWithTheReason(_ text: String, _ shown: String, _ reason: String) {
        let error = #expect(throws: SchedulingStoreError.self) { try PostgresURL(text) }
        guard case .invalidDatabaseURL(let url, let why)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(url == shown)
        #expect(why.contains(reason), "\(why)")
        #expect(!(error?.description.contains("secret") ?? true))
    }

    @Test func theStoreRefusesABadURLBeforeConnecting() {
        #expect(throws: SchedulingStoreError.invalidDatabaseURL("postgres://ana:***@db/", reason: "no database name (postgres://user@host:port/DATABASE)")) {
            try PostgresSchedulingStore(url: "postgres://ana:pw@db/")
        }
        #expect(throws: SchedulingStoreError.invalidDatabaseURL("postgres://ana@db:5432/q", reason: "a pool needs at least one connection")) {
            try PostgresSchedulingStore(url: "postgres://ana@db/q", maximumConnections: 0)
        }
    }
}
