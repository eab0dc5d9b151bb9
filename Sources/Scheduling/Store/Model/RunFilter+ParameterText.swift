import NotebookFormat

extension RunFilter {
    /// The text a parameter filter compares with: strings as themselves, everything else as
    /// compact JSON, so `?param=n:5` finds `n = 5` and `?param=name:ada` finds `name = "ada"`.
    static func parameterText(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return String(decoding: value.serialized(.compact), as: UTF8.self)
    }

    /// Each top-level parameter and its text form; a non-object has none.
    static func parameterTexts(_ parameters: JSONValue) -> [(name: String, text: String)] {
        guard case .object(let members) = parameters else { return [] }
        return members.map { (name: $0.key, text: parameterText($0.value)) }
    }
}
