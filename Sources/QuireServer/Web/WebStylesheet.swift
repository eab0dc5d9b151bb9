import NotebookRendering

/// /assets/quire.css: the renderer's notebook stylesheet (palettes follow `prefers-color-scheme`)
/// plus the UI's own layout, tables, forms, badges and visible keyboard focus.
enum WebStylesheet {
    static let css = Stylesheet.css + ui

    static let ui = """
    a{color:var(--accent)}
    :focus-visible{outline:3px solid var(--accent);outline-offset:2px}
    .skip-link{position:absolute;left:-9999px}.skip-link:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px;z-index:10}
    .site-header{border-bottom:1px solid var(--border)}
    .site-header nav{max-width:1100px;margin:0 auto;padding:8px 16px;display:flex;gap:16px;align-items:center}
    .site-header .brand{font-weight:700;color:var(--fg);text-decoration:none}
    .logout{margin-left:auto}
    h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.25em;margin:1.2em 0 .4em}
    table.list{border-collapse:collapse;width:100%}
    table.list th,table.list td{border-bottom:1px solid var(--border);padding:5px 8px;text-align:left;vertical-align:top}
    .badge{display:inline-block;padding:0 8px;border-radius:10px;border:1px solid var(--border);font-size:.9em}
    .status-succeeded{color:var(--ok);border-color:var(--ok)}
    .status-failed,.status-timed_out{color:var(--error-fg);border-color:var(--error-fg)}
    .status-running{color:var(--accent);border-color:var(--accent)}
    .status-cancelled,.status-queued{color:var(--muted)}
    .strip{display:inline-flex;gap:2px;vertical-align:middle}
    .strip a{display:inline-block;width:10px;height:18px;border-radius:2px;background:var(--border)}
    .strip .s-succeeded{background:var(--ok)}.strip .s-failed,.strip .s-timed_out{background:var(--error-fg)}.strip .s-running{background:var(--accent)}
    .muted{color:var(--muted)}
    form.stacked label{display:block;font-weight:600;margin-top:10px}
    form.stacked .hint{display:block;font-weight:400;color:var(--muted);font-size:.9em}
    input,textarea,select,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:4px 8px}
    textarea{width:100%;max-width:40em;min-height:4em;font-family:ui-monospace,monospace}
    input[type=text],input[type=number],input[type=password]{min-width:16em}
    button{cursor:pointer;background:var(--code-bg)}button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}
    button.danger{color:var(--error-fg);border-color:var(--error-fg)}
    .field-error{color:var(--error-fg);display:block;margin-top:2px}
    .form-errors,.problem{background:var(--error-bg);color:var(--error-fg);border:1px solid var(--error-fg);border-radius:6px;padding:8px 12px}
    .inline-form{display:inline-block;margin:0 6px 0 0}
    .actions{margin:12px 0}
    .filters{display:flex;gap:12px;align-items:end;flex-wrap:wrap;margin:8px 0}
    .filters label{display:flex;flex-direction:column;font-size:.9em}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
    .live{border:1px solid var(--border);border-radius:8px;padding:8px 12px;margin:12px 0;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
    .live progress{width:14em}
    .cell.current-cell{outline:2px dashed var(--accent);outline-offset:4px}
    .live-output img{max-width:100%}.live-placeholder{display:flex;gap:8px;align-items:center;padding:4px 0}
    pre.definition{background:var(--code-bg);border:1px solid var(--border);border-radius:6px;overflow-x:auto}
    .pager{margin:10px 0}
    .breadcrumbs{margin:8px 0}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}

    """
}
