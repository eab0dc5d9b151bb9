import Foundation
import Hummingbird
import NotebookStorage

/// `/store?path=…&after=…`: one folder of the server's output store (below its run prefix), a
/// page at a time as the store lists it — sub-folders, then objects with size and modification
/// time; notebooks link to `/store/view`. Only admins may browse: the store holds every user's
/// run outputs, while the run pages show each user their own.
struct StoreBrowserPage: Sendable {
    let state: ServerState
    static let pageSize = 50

    func register(on group: RouterGroup<QuireContext>) {
        group.get("store", use: show)
        StoreNotebookRoutes(state: state).register(on: group)
    }

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        try Self.requireAdmin(context)
        let q = QueryParameters(request: request)
        let path = try StorePath(q.string("path"))
        let after = q.string("after").flatMap { $0.isEmpty ? nil : $0 }
        let page: ListPage
        do {
            page = try await state.outputStore.list(prefix: path.folderPrefix(prefix: state.outputPrefix), delimiter: "/",
                                                    pageSize: Self.pageSize, after: after)
        } catch {
            throw Self.problem(error, path: path)
        }
        // An object store has no empty folders: nothing under a prefix means there is no such folder.
        if page.objects.isEmpty, page.folders.isEmpty, after == nil, !path.segments.isEmpty {
            throw Problem.notFound("there is no folder '\(path.relative)' in the output store")
        }
        var body = "<h1>Output store</h1>\n<p class=\"muted\"><code>\(WebHTML.escape(state.outputStore.url(for: state.outputPrefix)))</code></p>\n"
        body += Self.breadcrumbs(path, current: true)
        body += "<div id=\"store-listing\">" + listing(page) + "</div>\n"
        var pager: [String] = []
        if after != nil { pager.append("<a href=\"\(WebHTML.escape(Self.folderLink(path)))\">First page</a>") }
        if let next = page.nextToken {
            pager.append("<a rel=\"next\" href=\"\(WebHTML.escape(Self.folderLink(path) + "&after=" + WebHTML.queryEscape(next)))\">Next page</a>")
        }
        if !pager.isEmpty { body += "<p class=\"pager\">" + pager.joined(separator: " · ") + "</p>\n" }
        return WebResponse.html(WebLayout.page(title: path.segments.isEmpty ? "Output store" : path.relative, body: body, context: context))
    }

    private func listing(_ page: ListPage) -> String {
        let prefix = state.outputPrefix
        let folders = page.folders.compactMap { StorePath.relative(ofKey: String($0.dropLast()), prefix: prefix) }
        let objects = page.objects.compactMap { o in StorePath.relative(ofKey: o.key, prefix: prefix).map { (o, $0) } }
        guard !folders.isEmpty || !objects.isEmpty else { return "<p class=\"muted\">This folder is empty.</p>" }
        var out = "<table class=\"list\"><caption class=\"visually-hidden\">Folder contents</caption><thead><tr><th scope=\"col\">Name</th>"
        out += "<th scope=\"col\">Size</th><th scope=\"col\">Modified</th></tr></thead><tbody>\n"
        for folder in folders {
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            out += "<tr class=\"store-folder\"><td><a href=\"/store?path=\(WebHTML.escape(WebHTML.queryEscape(folder + "/")))\">\(WebHTML.escape(name))/</a></td><td>—</td><td>—</td></tr>\n"
        }
        for (info, relative) in objects {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            let label = relative.hasSuffix(".ipynb")
                ? "<a href=\"/store/view?path=\(WebHTML.escape(WebHTML.queryEscape(relative)))\">\(WebHTML.escape(name))</a>"
                : WebHTML.escape(name)
            out += "<tr class=\"store-object\"><td>\(label)</td><td>\(WebFormat.bytes(info.size))</td><td>\(WebFormat.timeElement(info.modified))</td></tr>\n"
        }
        return out + "</tbody></table>"
    }

    static func folderLink(_ path: StorePath) -> String {
        "/store?path=" + WebHTML.queryEscape(path.segments.isEmpty ? "" : path.relative + "/")
    }

    /// `Output store / a / b`, each level a link (the last one too when `current` is false).
    static func breadcrumbs(_ path: StorePath, current: Bool) -> String {
        var out = "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><a href=\"/store\">Output store</a>"
        for i in path.segments.indices {
            let name = WebHTML.escape(path.segments[i])
            if i == path.segments.count - 1 && current {
                out += " / <span aria-current=\"page\">\(name)</span>"
            } else {
                let folder = try? StorePath(path.segments[...i].joined(separator: "/"))
                out += " / <a href=\"\(WebHTML.escape(folder.map(folderLink) ?? "/store"))\">\(name)</a>"
            }
        }
        return out + "</nav>\n"
    }

    static func requireAdmin(_ context: QuireContext) throws {
        guard let user = context.user, user.admin else {
            let who = context.user?.name ?? "an anonymous user"
            throw Problem.forbidden("the store browser shows every user's run outputs; \(who) is not an admin (open your runs from the Runs page)")
        }
    }

    /// A storage failure as the page's status: unreachable is 503, missing is 404.
    static func problem(_ error: StorageError, path: StorePath) -> Problem {
        if error.isInfrastructure { return Problem.unavailable("the output store is unreachable: \(error)") }
        if error.isNotFound { return Problem.notFound("there is no '\(path.relative)' in the output store") }
        return Problem.notFound("'\(path.relative)' cannot be read from the output store: \(error)")
    }
}
