import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs a statement whose rows (if any) are not needed, and consumes them: a row stream left
    /// unread keeps the connection busy, so the next query on it would wait forever — a hang
    /// first seen in the migration under a loaded test run.
    func runStatement(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}
