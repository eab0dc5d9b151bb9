import Foundation

/// papermill's `PythonTranslator.inspect`: reads `NAME[: TYPE] = DEFAULT  # [type: T] HELP`
/// definitions from a `parameters` cell without running it.
enum PythonParameterParser {
    /// papermill's `PARAMETER_PATTERN`, unchanged (ICU and Python's `re` agree on it).
    private static let pattern = try! NSRegularExpression(pattern:
        #"^(?<target>\w[\w_]*)\s*(:\s*["']?(?<annotation>\w[\w_\[\],\s]*)["']?\s*)?=\s*(?<value>.*?)(\s*#\s*(type:\s*(?<typecomment>[^\s]*)\s*)?(?<help>.*))?$"#)

    static func parse(_ source: String) -> ParameterInspection {
        var result = ParameterInspection()
        // A definition starts at a line with one `=`; following lines without `=` continue it
        // (multi-line lists and dicts). Blank and comment-only lines are skipped.
        var groups: [String] = []
        var accumulator: [String] = []
        for (index, line) in PythonStrings.splitLines(source).enumerated() {
            let stripped = PythonStrings.strip(line)
            if stripped.isEmpty || stripped.hasPrefix("#") { continue }
            let equals = line.unicodeScalars.filter { $0 == "=" }.count
            if equals > 0 {
                groups.append(flatten(accumulator))
                accumulator = []
                if equals > 1 {
                    result.warnings.append("Unable to parse line \(index + 1) '\(line)'.")
                    continue
                }
            }
            accumulator.append(line)
        }
        groups.append(flatten(accumulator))

        for definition in groups where !definition.isEmpty {
            guard let parameter = match(definition) else { continue }
            result.parameters.append(parameter)
        }
        return result
    }

    /// Comments are cut from every line but the last, whose comment is the help text.
    private static func flatten(_ lines: [String]) -> String {
        var flat = ""
        for line in lines.dropLast() {
            if let hash = line.unicodeScalars.firstIndex(of: "#") {
                flat += PythonStrings.strip(String(line.unicodeScalars[..<hash]))
            } else {
                flat += PythonStrings.strip(line)
            }
        }
        if let last = lines.last { flat += PythonStrings.strip(last) }
        return flat
    }

    private static func match(_ definition: String) -> InferredParameter? {
        let ns = definition as NSString
        guard let m = pattern.firstMatch(in: definition, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ name: String) -> String? {
            let r = m.range(withName: name)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        guard let target = group("target") else { return nil }
        // `str(annotation or type_comment or None)`: an empty type comment counts as absent.
        let annotation = group("annotation").flatMap { $0.isEmpty ? nil : $0 }
        let typeComment = group("typecomment").flatMap { $0.isEmpty ? nil : $0 }
        let typeName = PythonStrings.strip(annotation ?? typeComment ?? "None")
        let defaultText = PythonStrings.strip(group("value") ?? "")
        return InferredParameter(
            name: PythonStrings.strip(target),
            inferredTypeName: typeName,
            defaultValue: defaultText,
            help: PythonStrings.strip(group("help") ?? ""),
            literalType: LiteralTypeInference.typeName(of: defaultText)
        )
    }
}
