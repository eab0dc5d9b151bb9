import Logging

extension PostgresSchedulingStore {
    /// Starts a listener on `channel` (see `PostgresListener`) on its own connection to this
    /// store's database.
    func listen(_ channel: String, onConnected: @escaping @Sendable () async -> Void,
                onNotification: @escaping @Sendable (String) async -> Void) -> PostgresListener {
        PostgresListener(url: url, channel: channel, logger: logger, onConnected: onConnected, onNotification: onNotification)
    }
}
