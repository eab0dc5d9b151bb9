import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    /// Runs `body` on a pooled connection, the whole operation bounded by `operationTimeout`.
    ///
    /// postgres-nio's pool waits forever for a connection while the server is down (it keeps
    /// reconnecting in the background), and a query on a connection whose server went silent
    /// waits for TCP to notice. Neither may hold a worker: the connection is leased in a child
    /// task and lent to `body`; at the deadline a wait for a connection is cancelled and a
    /// connection in use is closed (the server rolls back an open transaction), and the caller
    /// gets `.unavailable`. The pool keeps reconnecting, so the next operation after the server
    /// is back succeeds.
    func withBoundedConnection<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let loan = ConnectionLoan()
        let client = self.client, limit = operationTimeout
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await client.withConnection { connection in await loan.lend(connection) }
                } catch {
                    loan.fail(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                if Task.isCancelled { return }
                if let inUse = loan.expire() { try? await inUse.close() }
            }
            defer { group.cancelAll() }
            let connection: PostgresConnection
            do { connection = try await loan.borrow() } catch {
                if loan.isExpired {
                    throw SchedulingStoreError.unavailable(
                        operation: operation, reason: "no connection to the database within \(Self.seconds(limit))")
                }
                throw error
            }
            do {
                let value = try await body(connection)
                loan.giveBack()
                return value
            } catch {
                loan.giveBack()
                if loan.isExpired {
                    throw SchedulingStoreError.unavailable(
                        operation: operation, reason: "no answer from the database within \(Self.seconds(limit))")
                }
                throw error
            }
        }
    }

    /// Errors meaning the connection, not the statement, failed: the server went away, is shutting
    /// down or restarting, or the pool is closing. Retrying later may succeed.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError else { return false }
        switch psql.code {
        case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection, .poolClosed:
            return true
        case .server:
            // Class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot
            // connect now (starting up).
            guard let state = psql.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
