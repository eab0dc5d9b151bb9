/// The textual rules of job definitions: job names, identifiers, notebook templates.
enum JobNames {
    /// `[A-Za-z0-9][A-Za-z0-9_.-]{0,99}`.
    static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 100, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: environment variable and parameter names.
    static func isIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, !isDigit(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }

    /// Why the `{parameter}` templates of a notebook path are malformed, or nil if they are fine.
    static func templateProblem(_ text: String) -> String? {
        var name: String?
        for c in text {
            switch (c, name) {
            case ("{", nil): name = ""
            case ("{", _?): return "\"{\" inside a template"
            case ("}", nil): return "\"}\" without \"{\""
            case ("}", let n?):
                guard isIdentifier(n) else { return "\"{\(n)}\" is not a parameter name" }
                name = nil
            case (_, let n?): name = n + String(c)
            default: break
            }
        }
        return name == nil ? nil : "unclosed \"{\""
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}
