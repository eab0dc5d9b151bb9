import PostgresNIO
import Synchronization

/// One pooled connection lent by the task that leased it to the operation that uses it, with a
/// deadline either side can observe. Every continuation is resumed exactly once.
final class ConnectionLoan: Sendable {
    private struct State {
        var connection: PostgresConnection?
        var failure: (any Error)?
        var expired = false
        var returned = false
        var borrower: CheckedContinuation<PostgresConnection, any Error>?
        var lender: CheckedContinuation<Void, Never>?
    }

    private struct Expired: Error {}

    private let state = Mutex(State())

    var isExpired: Bool { state.withLock { $0.expired } }

    /// The operation's side: the connection once leased, or the lease's error, or `Expired`.
    func borrow() async throws -> PostgresConnection {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<PostgresConnection, any Error>) in
            let ready: Result<PostgresConnection, any Error>? = state.withLock { s in
                if s.expired { return .failure(Expired()) }
                if let failure = s.failure { return .failure(failure) }
                if let connection = s.connection { return .success(connection) }
                s.borrower = c
                return nil
            }
            if let ready { c.resume(with: ready) }
        }
    }

    /// The leasing task's side: hands the connection over and holds the lease until it is given
    /// back (or the task is cancelled, which also gives it back).
    func lend(_ connection: PostgresConnection) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let (release, borrower) = state.withLock { s -> (Bool, CheckedContinuation<PostgresConnection, any Error>?) in
                    if s.expired || s.returned { return (true, nil) }
                    s.connection = connection
                    s.lender = c
                    defer { s.borrower = nil }
                    return (false, s.borrower)
                }
                borrower?.resume(returning: connection)
                if release { c.resume() }
            }
        } onCancel: {
            giveBack()
        }
    }

    /// The lease itself failed (cancelled, pool closed).
    func fail(_ error: any Error) {
        let borrower = state.withLock { s in
            s.failure = error
            defer { s.borrower = nil }
            return s.borrower
        }
        borrower?.resume(throwing: error)
    }

    /// The deadline passed: a waiting borrower fails; returns the connection if one is in use, for
    /// the caller to close.
    func expire() -> PostgresConnection? {
        let (borrower, inUse) = state.withLock { s -> (CheckedContinuation<PostgresConnection, any Error>?, PostgresConnection?) in
            s.expired = true
            defer { s.borrower = nil }
            return (s.borrower, s.returned ? nil : s.connection)
        }
        borrower?.resume(throwing: Expired())
        return inUse
    }

    func giveBack() {
        let lender = state.withLock { s in
            s.returned = true
            defer { s.lender = nil }
            return s.lender
        }
        lender?.resume()
    }
}
