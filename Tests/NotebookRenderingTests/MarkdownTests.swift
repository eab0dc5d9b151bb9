import Foundation
import NotebookFormat
import Testing
@testable import NotebookRendering

/// Markdown cells: GFM extensions through libcmark-gfm, math left for KaTeX/MathJax, attachments,
/// raw HTML sanitised.
@Suite struct MarkdownTests {
    func html(_ md: String, attachments: JSONObject? = nil) -> String {
        MarkdownRenderer.html(md, attachments: attachments, idPrefix: "user-content-")
    }

    @Test func gfmExtensions() {
        let table = html("| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(table.contains("<table>") && table.contains("<th>a</th>") && table.contains("<td align=\"right\">2</td>"))
        #expect(html("~~gone~~").contains("<del>gone</del>"))
        #expect(html("see https://example.org now").contains("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">https://example.org</a>"))
        let tasks = html("- [x] done\n- [ ] todo\n")
        #expect(tasks.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\">"))
        #expect(tasks.contains("<input type=\"checkbox\" disabled=\"\">"))
    }

    @Test func inlineMathIsNotEmphasis() {
        let out = html("Product $a*b*c$ and $x_1 + y_1$ here")
        #expect(out.contains("$a*b*c$"))
        #expect(out.contains("$x_1 + y_1$"))
        #expect(!out.contains("<em>"))
    }

    @Test func displayMathAndBracketsStayIntact() {
        let out = html("$$\n\\begin{aligned} a &= b \\\\\n c &< d \\end{aligned}\n$$\n\nand \\(x^*\\) and \\[y_*\\]\n")
        #expect(out.contains("\\begin{aligned} a &amp;= b \\\\\n c &amp;&lt; d \\end{aligned}"))
        #expect(out.contains("\\(x^*\\)"))
        #expect(out.contains("\\[y_*\\]"))
    }

    @Test func environmentsStayIntact() {
        let out = html("\\begin{equation}\na_*b_*\n\\end{equation}\n")
        #expect(out.contains("\\begin{equation}\na_*b_*\n\\end{equation}"))
    }

    @Test func codeIsNotMath() {
        let out = html("`$a*b*c$` and\n\n```\n$x*y*z$\n```\n")
        #expect(out.contains("<code>$a*b*c$</code>"))
        #expect(out.contains("$x*y*z$"))
    }

    @Test func moneyIsNotMath() {
        #expect(html("costs $5 and *really* $6").contains("<em>really</em>"))
    }

    @Test func escapedDollarStaysLiteral() {
        let out = html("a \\$ b *c* \\$")
        #expect(out.contains("<em>c</em>"))
        #expect(out.contains("a $ b"))
    }

    @Test func mathCannotSmuggleURLs() {
        let out = html("[x]($javascript:alert(1)$)")
        #expect(!out.contains("href=\"javascript"))
    }

    @Test func attachmentsBecomeDataURIs() {
        let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        let att = JSONObject([("my image.png", .object(JSONObject([("image/png", .string(png))])))])
        let out = html("![pic](attachment:my%20image.png) and <img src=\"attachment:my image.png\">", attachments: att)
        #expect(out.components(separatedBy: "src=\"data:image/png;base64,\(png)\"").count == 3)
        #expect(!html("![pic](attachment:missing.png)", attachments: att).contains("<img"))
    }

    @Test func rawHTMLInMarkdownIsSanitised() {
        let out = html("hello <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<iframe src=\"https://evil.example\"></iframe>")
        #expect(!out.contains("<script") && !out.contains("onclick") && !out.contains("<iframe"))
        #expect(out.contains("<b>bold</b>"))
    }

    @Test func corpusAttachmentNotebookResolves() throws {
        let nb = try Fixtures.corpus("nbconvert/exporters_attachment.ipynb")
        let body = NotebookRenderer().renderBody(nb)
        #expect(body.components(separatedBy: "<img src=\"data:image/png;base64,").count == 3)
        #expect(!body.contains("attachment:"))
    }
}
