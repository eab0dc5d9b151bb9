/// The HTML page for a failed UI request: the status and what went wrong, and a way back.
enum ErrorPage {
    static func render(_ problem: Problem, context: QuireContext) -> String {
        var body = "<h1>\(problem.status.code) \(WebHTML.escape(problem.title))</h1>\n"
        body += "<p class=\"problem\" role=\"alert\">\(WebHTML.escape(problem.detail))</p>\n"
        body += "<p><a href=\"/\">Back to the home page</a></p>\n"
        return WebLayout.page(title: problem.title, body: body, context: context)
    }
}
