/// Why `quire serve` cannot start (each exits 2: the configuration is wrong).
public enum ServeError: Error, CustomStringConvertible {
    case unprotectedRemoteBind(host: String)
    case dataDirectory(path: String, reason: String)
    case store(url: String, reason: String)

    public var description: String {
        switch self {
        case .unprotectedRemoteBind(let host):
            "refusing to listen on \(host) without API tokens: anyone reaching the port could run code. Configure tokens (quire.yaml `tokens`, or QUIRE_TOKEN), or listen on 127.0.0.1, or pass --allow-unauthenticated-remote on a trusted network"
        case .dataDirectory(let path, let reason): "data folder \(path): \(reason)"
        case .store(let url, let reason): "store \(url): \(reason)"
        }
    }
}
