import Crypto
import Foundation
import NotebookFormat
import Testing
@testable import NotebookRendering

/// The page's Content-Security-Policy and the sandboxed output frames.
@Suite struct SecurityTests {
    func hash(_ script: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString()
    }

    @Test func policyAllowsExactlyTheRenderersOwnScripts() {
        let csp = NotebookRenderer.contentSecurityPolicy
        #expect(csp.contains("'\(hash(NotebookRenderer.pageScriptSource))'"))
        #expect(csp.contains("'\(hash(SandboxedFrame.heightReporter))'"))
        #expect(csp.hasPrefix("default-src 'none'"))
        #expect(csp.contains("base-uri 'none'") && csp.contains("object-src 'none'"))
        let scriptSources = csp.components(separatedBy: "; ").first { $0.hasPrefix("script-src") } ?? ""
        #expect(!scriptSources.contains("unsafe"))
    }

    @Test func pagesEmbedThePolicyAndTheirScript() {
        let page = NotebookRenderer().renderPage(Notebook(), title: "t")
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;"))
        #expect(page.contains(NotebookRenderer.pageScript))
    }

    @Test func htmlOutputsAreFramedWithoutSameOrigin() throws {
        let html = "<table><tr><td>1</td></tr></table><script>window.parent.document.body.innerHTML='x'</script>"
        let nb = Fixtures.notebook([Fixtures.code("df", outputs: [.executeResult(executionCount: 1, data: Fixtures.bundle(("text/html", .string(html)), ("text/plain", "df")), metadata: JSONObject())])])
        let body = NotebookRenderer().renderBody(nb)
        let frame = try #require(body.range(of: "<iframe[^>]*></iframe>", options: .regularExpression).map { String(body[$0]) })
        #expect(frame.contains("sandbox=\"allow-scripts\"") && !frame.contains("allow-same-origin"))
        // The srcdoc attribute holds the output, escaped, then the height reporter.
        let srcdoc = try #require(frame.range(of: "srcdoc=\"[^\"]*\"", options: .regularExpression).map { String(frame[$0]) })
        let decoded = ExecutableScan.decode(String(srcdoc.dropFirst(8).dropLast()))
        #expect(decoded.contains(html))
        #expect(decoded.hasSuffix("<script>\(SandboxedFrame.heightReporter)</script></body></html>"))
        #expect(!ExecutableScan.outsideFrames(body).contains("<script"))
    }

    @Test func pageScriptOnlyAcceptsNumericHeights() {
        let s = NotebookRenderer.pageScriptSource
        #expect(s.contains("typeof h!==\"number\"||!isFinite(h)"))
        #expect(s.contains("f[i].contentWindow===e.source"))
    }
}
