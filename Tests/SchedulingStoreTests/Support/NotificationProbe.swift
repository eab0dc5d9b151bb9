import Foundation
import Logging
import PostgresNIO
import Scheduling

/// A test's own LISTEN on a channel of a test database: what the store sends, one payload at a time.
final class NotificationProbe: Sendable {
    private let connection: PostgresConnection
    private let mailbox = Mailbox<String>()

    private static let logger = Logger(label: "quire.test.notify")

    /// Returns once LISTEN is active, so that the test's next change is heard.
    static func start(url: String, channel: String) async throws -> NotificationProbe {
        let parsed = try PostgresURL(url)
        let config = PostgresConnection.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.username, password: parsed.password,
            database: parsed.database, tls: .disable)
        let probe = NotificationProbe(connection: try await PostgresConnection.connect(configuration: config, id: 7, logger: logger))
        let ready = Mailbox<Bool>()
        Task { [connection = probe.connection, mailbox = probe.mailbox] in
            do {
                try await connection.listen(on: channel) { notifications in
                    await ready.put(true)
                    for try await n in notifications { await mailbox.put(n.payload) }
                }
            } catch {
                await ready.put(false)
            }
        }
        guard await ready.take() == true else { throw SampleError("LISTEN \(channel) failed") }
        return probe
    }

    private init(connection: PostgresConnection) { self.connection = connection }

    /// The next payload, or nil if none arrives within `timeout` (generous: only a bug waits).
    func next(timeout: Duration = .seconds(60)) async -> String? { await mailbox.take(timeout: timeout) }

    func close() async { try? await connection.close() }
}

/// Values handed from one task to another, in order; `take` waits for the next one.
actor Mailbox<Value: Sendable> {
    private var values: [Value] = []
    private var waiters: [Int: CheckedContinuation<Value?, Never>] = [:]
    private var order: [Int] = []
    private var nextWaiter = 0

    func put(_ value: Value) {
        if let first = order.first {
            order.removeFirst()
            waiters.removeValue(forKey: first)?.resume(returning: value)
        } else {
            values.append(value)
        }
    }

    /// The next value, or nil after `timeout`.
    func take(timeout: Duration = .seconds(60)) async -> Value? {
        if !values.isEmpty { return values.removeFirst() }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            order.append(id)
        }
    }

    private func expire(_ id: Int) {
        order.removeAll { $0 == id }
        waiters.removeValue(forKey: id)?.resume(returning: nil)
    }
}
