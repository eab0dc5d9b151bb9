/// The page stylesheet: light and dark palettes (following `prefers-color-scheme` unless the page
/// forces one with `data-theme`), notebook layout, and nbconvert's ANSI colour classes.
public enum Stylesheet {
    public static let css = palettes + layout + ansi

    static let palettes = """
    :root{--bg:#fff;--fg:#1f2328;--muted:#656d76;--border:#d0d7de;--code-bg:#f6f8fa;--accent:#0969da;--error-bg:#fff0f0;--error-fg:#b3261e;--ok:#1a7f37;--banner-bg:#ffebe9;color-scheme:light}
    @media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--border:#30363d;--code-bg:#161b22;--accent:#4493f8;--error-bg:#2d1214;--error-fg:#ff7b72;--ok:#3fb950;--banner-bg:#3a1618;color-scheme:dark}}
    [data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--border:#30363d;--code-bg:#161b22;--accent:#4493f8;--error-bg:#2d1214;--error-fg:#ff7b72;--ok:#3fb950;--banner-bg:#3a1618;color-scheme:dark}
    [data-theme=light]{color-scheme:light}

    """

    static let layout = """
    body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
    main{max-width:1100px;margin:0 auto;padding:16px}
    .quire-notebook{background:var(--bg);color:var(--fg)}
    .quire-notebook a{color:var(--accent)}
    .cell{margin:10px 0;scroll-margin-top:12px}
    .cell:target{outline:2px solid var(--accent);outline-offset:4px}
    .input{display:flex;gap:8px;align-items:flex-start}
    .prompt{flex:0 0 4.5em;color:var(--muted);font:12px/1.9 ui-monospace,SFMono-Regular,Menlo,monospace;text-align:right;white-space:nowrap}
    .output-result{display:flex;gap:8px}
    .output-result>.prompt{color:var(--error-fg)}
    .output{margin:4px 0 4px calc(4.5em + 8px);min-width:0;overflow-x:auto}
    .output-result{margin-left:0}
    .output-result>:not(.prompt){flex:1;min-width:0;overflow-x:auto}
    pre{margin:0;padding:8px 10px;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;word-break:break-word}
    .source{flex:1;min-width:0;background:var(--code-bg);border:1px solid var(--border);border-radius:6px;white-space:pre;overflow-x:auto}
    .source code{background:none;padding:0}
    code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
    .output-stderr pre{background:var(--error-bg)}
    .output-error{background:var(--error-bg);border-left:3px solid var(--error-fg);border-radius:4px}
    .error-summary{margin:0;padding:6px 10px 0;color:var(--error-fg)}
    .output img{max-width:100%;height:auto}
    .quire-output-frame{display:block;width:100%;height:150px;border:0;background:#fff}
    .markdown{padding:0 4px 0 calc(4.5em + 12px);overflow-x:auto}
    .output .markdown{padding:0}
    .markdown table,.run-parameters{border-collapse:collapse}
    .markdown th,.markdown td,.run-parameters th,.run-parameters td{border:1px solid var(--border);padding:4px 10px}
    .markdown img{max-width:100%}
    .markdown pre,.raw{background:var(--code-bg);border-radius:6px}
    .widget-placeholder,.notice{color:var(--muted);font-style:italic;border:1px dashed var(--border);border-radius:6px;padding:6px 10px;margin:0}
    .error-banner{background:var(--banner-bg);border:1px solid var(--error-fg);border-radius:6px;padding:8px 12px;color:var(--error-fg)}
    .error-banner span{font-size:1.2em !important;font-family:inherit !important}
    .cell-run{margin-left:calc(4.5em + 8px);font-size:12px;color:var(--muted)}
    .run-status{display:inline-block;padding:0 6px;border-radius:8px;border:1px solid var(--border)}
    .status-failed{color:var(--error-fg);border-color:var(--error-fg)}
    .status-completed{color:var(--ok)}
    .run-failed>.input .source{border-color:var(--error-fg)}
    .run-header{border:1px solid var(--border);border-radius:8px;padding:10px 14px;margin-bottom:16px}
    .run-facts{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0 0 8px}
    .run-facts dt{font-size:12px;color:var(--muted)}
    .run-facts dd{margin:0}
    .run-parameters caption{text-align:left;font-weight:600;padding:4px 0}
    details>summary{cursor:pointer;color:var(--muted);font-size:13px;margin-left:calc(4.5em + 8px)}
    .output-latex{padding:4px 10px}
    @media (max-width:640px){.prompt{display:none}.output,.cell-run,details>summary{margin-left:0}.markdown{padding-left:0}}

    """

    /// Class names as nbconvert's `ansi2html` writes them; colours readable on both palettes.
    static let ansi: String = {
        let colors: [(String, String, String)] = [
            ("black", "#3e424d", "#282c36"), ("red", "#e75c58", "#b22b31"), ("green", "#00a250", "#007427"),
            ("yellow", "#ddb62b", "#b27d12"), ("blue", "#208ffb", "#0065ca"), ("magenta", "#d160c4", "#a03196"),
            ("cyan", "#60c6c8", "#258f8f"), ("white", "#c5c1b4", "#a1a6b2"),
        ]
        var css = ""
        for (name, normal, intense) in colors {
            css += ".ansi-\(name)-fg{color:\(normal)}.ansi-\(name)-bg{background-color:\(normal)}"
            css += ".ansi-\(name)-intense-fg{color:\(intense)}.ansi-\(name)-intense-bg{background-color:\(intense)}\n"
        }
        css += ".ansi-default-inverse-fg{color:var(--bg)}.ansi-default-inverse-bg{background-color:var(--fg)}"
        css += ".ansi-bold{font-weight:700}.ansi-italic{font-style:italic}.ansi-underline{text-decoration:underline}\n"
        return css
    }()
}
