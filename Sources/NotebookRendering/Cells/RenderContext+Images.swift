import NotebookFormat

extension RenderContext {
    /// A raster image, inline as a data URI or, over `inlineImageLimit`, from `resourceURL`.
    func image(_ data: String, mime: String, metadata: JSONObject, alt: String?, cell: Int, index: Int,
               into out: inout HTMLBuffer) {
        var url: String?
        if !options.standalone, let limit = options.inlineImageLimit, data.utf8.count > limit {
            url = options.resourceURL?(cell, index, mime)
        }
        if let url {
            out.raw("<img src=\"")
            out.attribute(url)
        } else {
            // Checked base64 has nothing to escape, which saves a pass over megabytes of images.
            guard let clean = Base64.cleaned(data) else {
                out.raw("<p class=\"notice\">Image (")
                out.text(mime)
                out.raw(") with invalid data, not shown.</p>")
                return
            }
            out.raw("<img src=\"data:\(mime);base64,")
            out.raw(clean)
        }
        out.raw("\" alt=\"")
        out.attribute(String((alt ?? "output image").prefix(200)))
        out.raw("\"")
        let own = metadata[mime]?.objectValue
        for key in ["width", "height"] {
            // Numbers only: these come from the notebook and are written into an attribute.
            if let v = (own?[key] ?? metadata[key])?.doubleValue, v.isFinite, v > 0, v < 100_000 {
                out.raw(" \(key)=\"\(Int(v))\"")
            }
        }
        out.raw(">")
    }
}
