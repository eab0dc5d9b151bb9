/// Parses one field of a cron expression into the set of values it matches.
struct CronFieldParser {
    let expression: String

    struct Parsed {
        var values: CronValues
        /// `*` or `*/n` alone: what decides the day-matching rule.
        var isStar: Bool
    }

    func parse(_ text: String, as field: CronField) throws(SchedulingError) -> Parsed {
        var values = CronValues()
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for item in items {
            guard !item.isEmpty else { throw fail(field, "empty item in the list \"\(text)\"") }
            values.formUnion(try parseItem(item, field: field))
        }
        return Parsed(values: values, isStar: items.count == 1 && text.hasPrefix("*"))
    }

    private func parseItem(_ item: String, field: CronField) throws(SchedulingError) -> CronValues {
        let pieces = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count <= 2 else { throw fail(field, "\"\(item)\" has more than one step") }
        let base = pieces[0]
        var step = 1
        if pieces.count == 2 {
            let span = field.range.upperBound - field.range.lowerBound
            guard let s = Int(pieces[1]), pieces[1].allSatisfy(\.isASCII), s >= 1, s <= span else {
                throw fail(field, "step \"\(pieces[1])\" in \"\(item)\" must be a number in 1-\(span)")
            }
            step = s
        }
        let low: Int, high: Int
        if base == "*" {
            (low, high) = (field.range.lowerBound, field.range.upperBound)
        } else if let dash = base.firstIndex(of: "-") {
            low = try value(String(base[..<dash]), field: field)
            high = try value(String(base[base.index(after: dash)...]), field: field)
            guard low <= high else {
                throw fail(field, "range \(base) goes backwards (write it as two ranges)")
            }
        } else {
            low = try value(base, field: field)
            // `5/15` means "from 5 to the end, every 15", as most cron implementations read it.
            high = pieces.count == 2 ? field.writtenRange.upperBound : low
        }
        var values = CronValues()
        for v in stride(from: low, through: high, by: step) {
            values.insert(field == .dayOfWeek && v == 7 ? 0 : v)
        }
        return values
    }

    private func value(_ token: String, field: CronField) throws(SchedulingError) -> Int {
        let range = field.writtenRange
        if !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let v = Int(token), range.contains(v) else {
                throw fail(field, "\(token) is out of range \(range.lowerBound)-\(range.upperBound)")
            }
            return v
        }
        if let i = field.names.firstIndex(of: token.uppercased()) { return field.range.lowerBound + i }
        let names = field.names.isEmpty ? "" : " or a name \(field.names.first!)-\(field.names.last!)"
        throw fail(field, "\"\(token)\" is not a number in \(range.lowerBound)-\(range.upperBound)\(names)")
    }

    private func fail(_ field: CronField, _ detail: String) -> SchedulingError {
        .invalidCron(expression: expression, field: field.name, detail: detail)
    }
}
