import Hummingbird

/// The web UI: server-rendered pages outside `/api/`, each in its own file in this folder.
struct WebRoutes: Sendable {
    let state: ServerState

    func register(on router: Router<QuireContext>) {
        AssetRoutes(assets: .shared).register(on: router)
        let pages = router.group().add(middleware: WebSessionMiddleware())
        pages.get("/", use: HomePage(state: state).show)
        pages.get("runs", use: RunsPage(state: state).show)
        JobPage(state: state).register(on: pages)
        RunDetailPage(state: state).register(on: pages)
        RunActions(state: state).register(on: pages)
        OutputRoutes(runs: RunLookup(state: state)).register(on: pages)
        StoreBrowserPage(state: state).register(on: pages)
        LoginPage(state: state).register(on: pages)
    }
}
