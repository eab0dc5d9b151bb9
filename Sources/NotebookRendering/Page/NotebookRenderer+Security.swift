extension NotebookRenderer {
    /// The script pages run: sizes output frames from the heights they post (numbers only, clamped)
    /// and starts highlight.js when a page loaded it. Server pages embedding `renderBody` include
    /// this element once, after the body.
    public static let pageScript = "<script>\(pageScriptSource)</script>"

    static let pageScriptSource = #"(function(){addEventListener("message",function(e){var d=e.data,h=d&&d.quireFrameHeight;if(typeof h!=="number"||!isFinite(h))return;var f=document.querySelectorAll("iframe.quire-output-frame");for(var i=0;i<f.length;i++){if(f[i].contentWindow===e.source){f[i].style.height=Math.min(Math.max(Math.ceil(h),24),20000)+"px";return}}});addEventListener("DOMContentLoaded",function(){var h=window.hljs;if(h){if(h.highlightAll){h.highlightAll()}else if(h.initHighlighting){h.initHighlighting()}}})})();"#

    /// The Content-Security-Policy every page showing rendered notebooks must send (header or
    /// `<meta>`; standalone pages embed it). Scripts: only same-origin files and, by hash, the page
    /// script and the frames' height reporter. Frames created with `srcdoc` inherit this policy,
    /// so scripts inside HTML and JavaScript outputs do not run either: outputs show their static
    /// HTML. (Running them needs a separate origin serving each output with its own policy.)
    public static let contentSecurityPolicy = [
        "default-src 'none'",
        "script-src 'self' '\(pageScriptHash)' '\(frameScriptHash)'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ].joined(separator: "; ")

    /// SHA-256 of `pageScriptSource` and of `SandboxedFrame.heightReporter`, base64 (a test
    /// recomputes both, so editing a script without updating its hash fails).
    static let pageScriptHash = "sha256-bwPtlt6q8IUb6R4WvgFz6TCDRoszGeIQazWdKUSDcQE="
    static let frameScriptHash = "sha256-GJ6O2dUZoRF9KG/piYvyd9Xdn/fbO/hwI577PmcBijk="
}
