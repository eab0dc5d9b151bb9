import Foundation
import NotebookFormat

extension NotebookRenderer {
    /// The script of `pageScript` without its element, for servers that serve it as a file so
    /// their pages need no inline script at all.
    public static var pageScriptText: String { pageScriptSource }

    /// The standalone document a sandboxed frame shows for `output` (HTML, SVG or JavaScript, the
    /// representation the page would choose), or nil when the output is not shown in a frame.
    /// Serve it with a policy of its own that includes `sandbox allow-scripts`, so it keeps an
    /// opaque origin even when opened directly.
    public static func frameDocument(_ output: Output) -> String? {
        guard let data = output.mimeBundle, let mime = DisplayPriority.choose(data),
              ["text/html", "image/svg+xml", "application/javascript"].contains(mime) else { return nil }
        return SandboxedFrame.document(SandboxedFrame.content(mime, data[mime]?.stringValue ?? ""))
    }

    /// The decoded bytes of the `mime` image of `output` (what `resourceURL` URLs serve), or nil
    /// when it has no such image or its base64 is invalid.
    public static func imageBytes(_ output: Output, mime: String) -> [UInt8]? {
        guard ["image/png", "image/jpeg", "image/gif"].contains(mime), let text = output.mimeBundle?[mime]?.stringValue,
              let clean = Base64.cleaned(text), let data = Data(base64Encoded: clean) else { return nil }
        return Array(data)
    }
}

extension Output {
    /// The mime bundle of a display or result output.
    var mimeBundle: MimeBundle? {
        switch self {
        case .displayData(let data, _), .executeResult(_, let data, _): data
        default: nil
        }
    }
}
