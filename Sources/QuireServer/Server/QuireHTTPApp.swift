import Foundation
import Hummingbird
import Logging

/// The HTTP application: routes, middleware, and the line that tells scripts where it listens.
enum QuireHTTPApp {
    static func make(state: ServerState, logger: Logger, onListening: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let router = Router(context: QuireContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: WebMiddleware())
        router.add(middleware: AuthMiddleware(tokens: state.options.tokens))
        let api = router.group("api/v1")
        SystemRoutes(state: state).register(on: router, api: api)
        RunRoutes(state: state).register(on: api)
        EventRoutes(state: state).register(on: api)
        JobRoutes(state: state).register(on: api)
        WebRoutes(state: state).register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(state.options.host, port: state.options.port), serverName: "quire"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? state.options.port) },
            logger: logger
        )
    }
}
