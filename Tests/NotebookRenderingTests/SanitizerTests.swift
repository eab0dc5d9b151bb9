import Foundation
import Testing
@testable import NotebookRendering

/// The allow-list sanitiser against classic XSS vectors (OWASP filter-evasion cheat-sheet style).
@Suite struct SanitizerTests {
    static let payloads: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<script/xss src=//evil.example/x.js></script>",
        "<<script>alert(1);//<</script>",
        "<script>alert(1)",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=x ONERROR=alert(1)>",
        "<img/src=x/onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\"/>",
        "<img src=x\tonerror=alert(1)>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<img src=\"javascript:alert(1)\">",
        "<img src=`javascript:alert(1)`>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\" &#14;  javascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
        "<style>@import 'http://evil.example/x.css';</style>",
        "<style>body{background:url(\"javascript:alert(1)\")}</style>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<div style=\"background:url(&#1;javascript:alert(1))\">x</div>",
        "<div style=\"xss:expr/**/ession(alert(1))\">x</div>",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<div onmouseover=\"alert(1)\">x</div>",
        "<b onclick=alert(1)>x</b>",
        "<a href=\"x\" \"onclick=alert(1)\">x</a>",
        "<img src=\"x\"\" onerror=\"alert(1)\">",
        "<img src='x' onerror='alert(1)'>",
        "<scr\u{0}ipt>alert(1)</scr\u{0}ipt>",
        "<img src=x o\u{0}nerror=alert(1)>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<textarea><script>alert(1)</script></textarea>",
        "<title><script>alert(1)</script></title>",
        "<template><script>alert(1)</script></template>",
        "<xmp><script>alert(1)</script></xmp>",
        "<plaintext><script>alert(1)</script>",
        "<div><a href=\"javascript:alert(1)\"><div>unclosed",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\">ok</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" onerror=alert(1)>",
        "</p><script>alert(1)</script>",
        "<isindex type=image src=1 onerror=alert(1)>",
        "<applet code=\"x\"></applet><frameset onload=alert(1)>",
    ]

    @Test(arguments: payloads)
    func nothingExecutableSurvives(_ payload: String) {
        let out = HTMLSanitizer.sanitize(payload)
        #expect(ExecutableScan.problems(in: out).isEmpty, "\(payload) → \(out)")
        let lower = out.lowercased()
        for tag in ["<script", "<iframe", "<object", "<embed", "<base", "<meta", "<link", "<style", "<form", "<svg", "<math", "<button", "<textarea"] {
            #expect(!lower.contains(tag), "\(payload) → \(out)")
        }
    }

    @Test func payloadListIsLargeEnough() {
        #expect(Self.payloads.count >= 40)
    }

    @Test func benignHTMLSurvives() {
        let table = "<table><thead><tr><th colspan=\"2\">h</th></tr></thead><tbody><tr><td>1</td><td align=\"right\">2</td></tr></tbody></table>"
        #expect(HTMLSanitizer.sanitize(table) == table)
        #expect(HTMLSanitizer.sanitize("<b>bold</b> <i>it</i> <code>x</code>") == "<b>bold</b> <i>it</i> <code>x</code>")
        #expect(HTMLSanitizer.sanitize("<img src=https://example.org/a.png alt=pic>") == "<img src=\"https://example.org/a.png\" alt=\"pic\">")
        #expect(HTMLSanitizer.sanitize("<a href='https://example.org/?a=1&b=2'>l</a>")
            == "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">l</a>")
        #expect(HTMLSanitizer.sanitize("<img src=\"data:image/png;base64,iVBORw0KGgo=\">") == "<img src=\"data:image/png;base64,iVBORw0KGgo=\">")
        #expect(HTMLSanitizer.sanitize("<span style=\"color:red; font-size:2em\">x</span>") == "<span style=\"color: red; font-size: 2em\">x</span>")
    }

    @Test func dangerousPartsGoButContentStays() {
        #expect(HTMLSanitizer.sanitize("<a href=\"javascript:alert(1)\">click</a>") == "<a rel=\"nofollow noopener noreferrer\">click</a>")
        #expect(HTMLSanitizer.sanitize("<b onclick=alert(1)>x</b>") == "<b>x</b>")
        #expect(HTMLSanitizer.sanitize("<marquee>moving</marquee>") == "moving")
        #expect(HTMLSanitizer.sanitize("<script>alert(1)</script>after") == "after")
        #expect(HTMLSanitizer.sanitize("a < b & c > d") == "a &lt; b & c &gt; d")
    }

    @Test func fragmentsAreClosedAndStrayEndTagsDropped() {
        #expect(HTMLSanitizer.sanitize("<div><b>open") == "<div><b>open</b></div>")
        #expect(HTMLSanitizer.sanitize("</div></main>text") == "text")
        #expect(HTMLSanitizer.sanitize("<div><span>x</div>y") == "<div><span>x</span></div>y")
    }

    @Test func idsArePrefixedAndFragmentLinksFollow() {
        let out = HTMLSanitizer.sanitize("<a id=\"top\"></a><a href=\"#top\">up</a>")
        #expect(out.contains("id=\"user-content-top\""))
        #expect(out.contains("href=\"#user-content-top\""))
    }

    @Test func taskListCheckboxesOnlyAndDisabled() {
        #expect(HTMLSanitizer.sanitize("<input type=\"checkbox\" checked>") == "<input type=\"checkbox\" checked=\"\" disabled=\"\">")
        #expect(HTMLSanitizer.sanitize("<input type=\"text\" value=\"x\">") == "")
    }

    @Test func classesOnlyForCodeLanguages() {
        #expect(HTMLSanitizer.sanitize("<code class=\"language-python quire-notebook\">x</code>") == "<code class=\"language-python\">x</code>")
    }
}
