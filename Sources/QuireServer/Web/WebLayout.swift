/// The frame of every page: header with navigation, main landmark, stylesheet and scripts (all
/// files under /assets — the pages' policy allows no inline script).
enum WebLayout {
    static func page(title: String, body: String, context: QuireContext) -> String {
        head(title: title, context: context) + body + tail()
    }

    static func head(title: String, context: QuireContext) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(WebHTML.escape(title)) · Quire</title>\n"
        // An empty icon: browsers would otherwise request /favicon.ico and log its 404.
        out += "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/quire.css\">\n"
        out += WebAssets.shared.headLinks
        out += "</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"
        out += "<header class=\"site-header\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"/\">Quire</a>"
        out += "<a href=\"/\">Home</a><a href=\"/runs\">Runs</a>"
        if context.user?.admin == true { out += "<a href=\"/store\">Store</a>" }
        if let user = context.user, user != .local {
            out += "<form class=\"logout\" method=\"post\" action=\"/logout\">\(csrfField(context))"
            out += "<span class=\"who\">\(WebHTML.escape(user.name))</span> <button type=\"submit\">Log out</button></form>"
        }
        out += "</nav></header>\n<main id=\"main\" tabindex=\"-1\">\n"
        return out
    }

    static func tail() -> String {
        "</main>\n<script src=\"/assets/quire.js\"></script>\n" + WebAssets.shared.scriptTags + "</body>\n</html>\n"
    }

    /// The hidden field every POST form carries.
    static func csrfField(_ context: QuireContext) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(WebHTML.escape(context.web.csrfToken))\">"
    }

    /// A one-button POST form (pause, resume, cancel, rerun).
    static func actionButton(_ label: String, action: String, context: QuireContext, danger: Bool = false) -> String {
        "<form class=\"inline-form\" method=\"post\" action=\"\(WebHTML.escape(action))\">\(csrfField(context))"
            + "<button type=\"submit\"\(danger ? " class=\"danger\"" : "")>\(WebHTML.escape(label))</button></form>"
    }
}
