import Foundation
import Logging
import PostgresNIO

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
                // The connection configuration bounds the connect with a timeout.
                let connection = try await PostgresConnection.connect(
                    configuration: try url.connectionConfiguration(), id: connectionID, logger: logger)
                do {
                    try await connection.listen(on: channel) { notifications in
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

    /// Hands notifications over until the connection fails (the sequence throws or ends) or a ping
    /// goes unanswered.
    private static func follow(_ notifications: PostgresNotificationSequence, on connection: PostgresConnection, logger: Logger,
                               onNotification: @escaping @Sendable (String) async -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await notification in notifications { await onNotification(notification.payload) }
                throw ListenerEnded(reason: "the notification stream ended")
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: pingInterval)
                    try await ping(connection, logger: logger)
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private static func ping(_ connection: PostgresConnection, logger: Logger) async throws {
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
