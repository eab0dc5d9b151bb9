/// Untrusted active content (HTML, SVG, JavaScript outputs) goes into
/// `<iframe sandbox="allow-scripts" srcdoc=…>`: without `allow-same-origin` the frame has an opaque
/// origin, so its scripts can reach neither the page's DOM nor its cookies or storage. The only
/// channel out is a message carrying the frame's height, which the page validates as a number.
enum SandboxedFrame {
    /// Inside the frame: report the document height on load and whenever it changes.
    static let heightReporter = #"(function(){function r(){parent.postMessage({quireFrameHeight:document.documentElement.offsetHeight},"*")}addEventListener("load",r);if(window.ResizeObserver){new ResizeObserver(r).observe(document.documentElement)}})();"#

    /// Frames keep a light canvas: plots and tables in outputs are drawn for a white background.
    static let style = "html{color-scheme:light;background:#fff;color:#111}body{margin:0;padding:2px;font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",sans-serif}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}thead th{background:#f3f3f3}img,svg{max-width:100%;height:auto}"

    static func title(_ mime: String) -> String {
        switch mime {
        case "image/svg+xml": "SVG image"
        case "application/javascript": "JavaScript output"
        default: "HTML output"
        }
    }

    /// The HTML a frame shows for an output of type `mime`.
    static func content(_ mime: String, _ text: String) -> String {
        mime == "application/javascript" ? "<script>" + text + "</script>" : text
    }

    /// The whole document of a frame: light canvas, the output, the height reporter.
    static func document(_ html: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>\(style)</style></head><body>" + html
            + "<script>\(heightReporter)</script></body></html>"
    }

    /// A frame loading its document from `url` (served with its own policy by the server).
    static func write(url: String, title: String, into out: inout HTMLBuffer) {
        out.raw("<iframe class=\"quire-output-frame\" sandbox=\"allow-scripts\" referrerpolicy=\"no-referrer\" loading=\"lazy\" title=\"\(title)\" src=\"")
        out.attribute(url)
        out.raw("\"></iframe>")
    }

    static func write(html: String, title: String, into out: inout HTMLBuffer) {
        out.raw("<iframe class=\"quire-output-frame\" sandbox=\"allow-scripts\" referrerpolicy=\"no-referrer\" loading=\"lazy\" title=\"\(title)\" srcdoc=\"")
        out.attribute("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>\(style)</style></head><body>")
        out.attribute(html)
        out.attribute("<script>\(heightReporter)</script></body></html>")
        out.raw("\"></iframe>")
    }
}
