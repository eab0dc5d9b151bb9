/// The text layout rules of mime bundles on disk (nbformat's `_rejoin_mimebundle` / `_split_mimebundle`).
enum MimeBundleText {
    /// JSON mime types hold JSON values, which are never joined or split.
    static func isJSONMime(_ mime: String) -> Bool {
        mime == "application/json" || (mime.hasPrefix("application/") && mime.hasSuffix("+json"))
    }

    /// Lists of strings become one string for every non-JSON mime type (images included).
    static func rejoin(_ bundle: JSONObject) -> JSONObject {
        var out = bundle
        for (key, value) in bundle where !isJSONMime(key) {
            if case .array = value, let s = MultilineText.join(value) { out[key] = .string(s) }
        }
        return out
    }

    /// Only text is split into lines on disk: `text/*`, JavaScript and SVG. Images stay one string.
    static func split(_ bundle: JSONObject) -> JSONObject {
        var out = bundle
        for (key, value) in bundle {
            guard case .string(let s) = value, splits(key) else { continue }
            out[key] = MultilineText.splitValue(s)
        }
        return out
    }

    /// Whether a string value under this mime type is stored as a list of lines.
    static func splits(_ mime: String) -> Bool {
        mime.hasPrefix("text/") || mime == "application/javascript" || mime == "image/svg+xml"
    }
}
