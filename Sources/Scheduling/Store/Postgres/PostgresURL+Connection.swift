import PostgresNIO

extension PostgresURL {
    /// libpq's `prefer` and `require` encrypt without verifying; only `verify-full` checks the
    /// certificate chain and the host name.
    var tlsConfiguration: TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if self.tls != .verifyFull { tls.certificateVerification = .none }
        return tls
    }

    var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration)
        case .require, .verifyFull: .require(tlsConfiguration)
        }
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require, .verifyFull: mode = .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var config = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        config.options.connectTimeout = .seconds(10)
        return config
    }
}
