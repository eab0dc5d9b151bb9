import NotebookFormat

/// Plain aligned columns for humans; `--json` prints the server's JSON instead.
enum Table {
    static func print(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        for row in all {
            let cells = row.indices.map { i in i == row.count - 1 ? row[i] : row[i].padding(toLength: widths[i], withPad: " ", startingAt: 0) }
            Swift.print(cells.joined(separator: "  "))
        }
    }

    static func json(_ value: JSONValue) {
        Swift.print(String(decoding: value.serialized(.notebook), as: UTF8.self))
    }

    static func text(_ v: JSONValue?) -> String {
        switch v {
        case nil, .null?: "-"
        case .string(let s)?: s
        case let other?: String(decoding: other.serialized(), as: UTF8.self)
        }
    }
}
