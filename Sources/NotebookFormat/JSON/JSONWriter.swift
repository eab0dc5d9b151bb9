extension JSONValue {
    /// Encodes as UTF-8 bytes. Non-ASCII characters are written as themselves, escapes only where
    /// Python's `json` escapes (quotes, backslash, control characters).
    public func serialized(_ style: JSONWriteStyle = .compact) -> [UInt8] {
        var w = JSONWriter(style: style)
        w.write(self, level: 0)
        return w.out
    }

    /// Parses one JSON document (UTF-8, optional byte order mark).
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buf in
            Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(buf) }
        } ?? Array(bytes).withUnsafeBufferPointer { buf in
            Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(buf) }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

struct JSONWriter {
    let style: JSONWriteStyle
    var out: [UInt8] = []
    /// When set, receives the buffer whenever it passes `flushThreshold` bytes and must empty it,
    /// so a large document streams to its destination instead of being built whole in memory.
    var sink: ((inout [UInt8]) -> Void)?
    static let flushThreshold = 1 << 18

    init(style: JSONWriteStyle, sink: ((inout [UInt8]) -> Void)? = nil) {
        self.style = style
        self.sink = sink
        out.reserveCapacity(sink == nil ? 4096 : Self.flushThreshold * 2)
    }

    mutating func write(_ v: JSONValue, level: Int) {
        if let sink, out.count >= Self.flushThreshold { sink(&out) }
        switch v {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .bigInt(let digits): append(digits)
        case .double(let d): append(PythonFloat.json(d))
        case .string(let s): writeString(s)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(item, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { append("{}"); return }
            out.append(UInt8(ascii: "{"))
            let members = style == .notebook ? o.sortedMembers : o.members
            for (n, m) in members.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                writeString(m.key)
                out.append(UInt8(ascii: ":"))
                if style == .notebook { out.append(UInt8(ascii: " ")) }
                write(m.value, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(_ level: Int) {
        guard style == .notebook else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level))
    }

    mutating func append(_ s: String) { out.append(contentsOf: s.utf8) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            var i = 0
            while let base = buf.baseAddress {
                i = ByteScan.firstSpecial(base, from: i, to: buf.count)
                guard i < buf.count else { break }
                let b = buf[i]
                defer { i += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i]))
                runStart = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 15)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
