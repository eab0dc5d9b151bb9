import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Keeps one dedicated connection (not from the pool: a pooled connection goes back to other
/// queries) LISTENing on a channel, for as long as the process wants notifications. A server that
/// goes away, restarts or stops answering is logged and reconnected to with backoff; nothing is
/// thrown to the owner. After every (re)connection `onConnected` runs once LISTEN is active, so
/// the owner can catch up with what was notified while nobody listened.
final class PostgresListener: Sendable {
    private let task: Task<Void, Never>

    /// Backoff between reconnection attempts: doubled after each failure, up to `maximumBackoff`.
    static let firstBackoff: Double = 0.25
    static let maximumBackoff: Double = 30
    /// A silent server (network partition, frozen host) is noticed by a ping on the listening
    /// connection that gets no answer in `pingTimeout`.
    static let pingInterval: Duration = .seconds(15)
    static let pingTimeout: Duration = .seconds(10)
    /// Bound on connecting (TCP, TLS, authentication) and on LISTEN taking effect: a server that
    /// accepts connections but does not answer (frozen, overloaded) must not hold the listener.
    static let connectTimeout: Duration = .seconds(15)

    init(url: PostgresURL, channel: String, logger: Logger,
         onConnected: @escaping @Sendable () async -> Void,
         onNotification: @escaping @Sendable (String) async -> Void) {
        task = Task {
            await Self.listen(url: url, channel: channel, logger: logger, onConnected: onConnected, onNotification: onNotification)
        }
    }

    deinit { task.cancel() }

    /// Closes the connection and returns once the listener has ended.
    func stop() async {
        task.cancel()
        await task.value
    }

    private static func listen(url: PostgresURL, channel: String, logger: Logger,
                               onConnected: @escaping @Sendable () async -> Void,
                               onNotification: @escaping @Sendable (String) async -> Void) async {
        var backoff = firstBackoff
        var failures = 0
        var connectionID = 0
        while !Task.isCancelled {
            connectionID += 1
            do {
                let connection = try await connect(url: url, id: connectionID, logger: logger)
                // Closing the connection fails a LISTEN still waiting for its answer.
                let listening = Flag()
                let watchdog = Task {
                    try await Task.sleep(for: connectTimeout)
                    if !listening.isSet { try? await connection.close() }
                }
                defer { watchdog.cancel() }
                do {
                    try await connection.listen(on: channel) { notifications in
                        listening.set()
                        if failures > 0 { logger.notice("listening on \(channel) at \(url) again") }
                        failures = 0
                        backoff = firstBackoff
                        await onConnected()
                        try await follow(notifications, on: connection, logger: logger, onNotification: onNotification)
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                failures += 1
                // One warning per outage, then quieter: a database down for an hour must not flood the log.
                let message: Logger.Message = "LISTEN \(channel) at \(url): \(PostgresSchedulingStore.connectReason(error)); retrying in \(backoff) s"
                if failures == 1 { logger.warning(message) } else { logger.debug(message) }
            }
            try? await Task.sleep(for: .milliseconds(Int(backoff * 1000)))
            backoff = min(backoff * 2, maximumBackoff)
        }
    }

    /// Connects within `connectTimeout`. postgres-nio bounds only the TCP connect, and its connect
    /// cannot be cancelled: the attempt is abandoned instead (and its connection closed should it
    /// succeed later).
    private static func connect(url: PostgresURL, id: Int, logger: Logger) async throws -> PostgresConnection {
        let configuration = try url.connectionConfiguration()
        let outcome = Once()
        return try await withCheckedThrowingContinuation { continuation in
            Task {
                let result: Result<PostgresConnection, any Error>
                do {
                    result = .success(try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger))
                } catch {
                    result = .failure(error)
                }
                if outcome.claim() {
                    continuation.resume(with: result)
                } else if case .success(let late) = result {
                    try? await late.close()
                }
            }
            Task {
                try? await Task.sleep(for: connectTimeout)
                if outcome.claim() {
                    continuation.resume(throwing: ListenerEnded(reason: "no answer from the server within \(connectTimeout)"))
                }
            }
        }
    }

    /// Hands notifications over until the connection fails (the sequence throws or ends) or a ping
    /// goes unanswered.
    private static func follow(_ notifications: PostgresNotificationSequence, on connection: PostgresConnection, logger: Logger,
                               onNotification: @escaping @Sendable (String) async -> Void) async throws {
        let unanswered = Flag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await notification in notifications { await onNotification(notification.payload) }
                throw ListenerEnded(reason: "the notification stream ended")
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: pingInterval)
                    try await ping(connection, unanswered: unanswered, logger: logger)
                }
            }
            defer { group.cancelAll() }
            do {
                try await group.next()
            } catch {
                // The stream fails too when a ping closes the connection: the ping is the reason.
                if unanswered.isSet { throw ListenerEnded(reason: "the server did not answer a ping within \(pingTimeout)") }
                throw error
            }
        }
    }

    private static func ping(_ connection: PostgresConnection, unanswered: Flag, logger: Logger) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await connection.runStatement("SELECT 1", logger: logger)
                return true
            }
            group.addTask {
                try await Task.sleep(for: pingTimeout)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else {
                // Closing fails the pending query and the notification stream with it.
                unanswered.set()
                try? await connection.close()
                throw ListenerEnded(reason: "the server did not answer a ping within \(pingTimeout)")
            }
        }
    }

    struct ListenerEnded: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}

/// Set once, read from any task.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// Lets exactly one of several racing tasks act (resume a continuation).
private final class Once: Sendable {
    private let taken = Atomic<Bool>(false)
    func claim() -> Bool { !taken.exchange(true, ordering: .acquiringAndReleasing) }
}
