import NotebookFormat

/// Which representation of a mime bundle is shown: nbconvert's order for HTML, with widget views
/// first (they get a placeholder and their `text/plain` fallback).
enum DisplayPriority {
    static let widgetView = "application/vnd.jupyter.widget-view+json"

    static let order = [
        widgetView,
        "text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "text/latex",
        "application/json", "application/javascript", "text/plain",
    ]

    static func choose(_ bundle: MimeBundle) -> String? {
        order.first { bundle[$0] != nil }
    }
}
