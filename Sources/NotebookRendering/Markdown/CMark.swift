import CMarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GitHub-flavoured markdown to HTML through libcmark-gfm, with the table, strikethrough,
/// autolink and task-list extensions. Raw HTML is passed through (`CMARK_OPT_UNSAFE`) because
/// every caller runs the result through `HTMLSanitizer`.
enum CMark {
    /// libcmark-gfm keeps parser tables in globals (its special-character table, the extension
    /// registry), so concurrent parses can corrupt each other; one parse at a time.
    private static let lock = Mutex(())

    /// Registering the core extensions twice aborts the process; a static is initialised once.
    private static let extensions: [String] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "strikethrough", "autolink", "tasklist"]
    }()

    static func html(_ markdown: String) -> String {
        let names = extensions
        return lock.withLock { _ in
            let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
            guard let parser = cmark_parser_new(options) else { return "" }
            defer { cmark_parser_free(parser) }
            for name in names {
                if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
            }
            var text = markdown
            text.withUTF8 { buf in
                buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            guard let doc = cmark_parser_finish(parser) else { return "" }
            defer { cmark_node_free(doc) }
            guard let rendered = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
