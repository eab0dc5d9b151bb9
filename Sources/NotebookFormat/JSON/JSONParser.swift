/// A strict JSON parser over UTF-8 bytes with Python's `json.loads` semantics where they matter to
/// notebooks: `NaN`/`Infinity` accepted, integers of any size kept, the last of duplicate keys wins.
struct JSONParser {
    /// Python's default recursion limit stops at about this depth too; deeper input is hostile.
    static let maxDepth = 900

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    private var depth = 0

    /// Told, now and then, that bytes before an offset will not be read again (unless to locate an
    /// error), so a memory-mapped input can hand its pages back while a large file is parsed.
    private let consumed: ((Int) -> Void)?
    private var reported = 0
    private static let reportEvery = 1 << 20

    init(_ bytes: UnsafeBufferPointer<UInt8>, consumed: ((Int) -> Void)? = nil) {
        self.bytes = bytes
        self.consumed = consumed
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, consumed: ((Int) -> Void)? = nil) throws(JSONParseError) -> JSONValue {
        var p = JSONParser(bytes, consumed: consumed)
        // A UTF-8 byte order mark is tolerated: editors on Windows add one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { p.pos = 3 }
        try p.validateUTF8()
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.pos < bytes.count { throw p.fail("extra data after the JSON document") }
        return v
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError.at(offset ?? pos, in: bytes, message)
    }

    private func validateUTF8() throws(JSONParseError) {
        var i = pos
        let n = bytes.count
        while i < n {
            i = ByteScan.firstNonASCII(bytes.baseAddress!, from: i, to: n)
            guard i < n else { return }
            let b = bytes[i]
            let len: Int
            let minScalar: UInt32
            if b & 0xE0 == 0xC0 { len = 2; minScalar = 0x80 }
            else if b & 0xF0 == 0xE0 { len = 3; minScalar = 0x800 }
            else if b & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000 }
            else { throw fail("invalid UTF-8 byte 0x\(String(b, radix: 16))", at: i) }
            guard i + len <= n else { throw fail("truncated UTF-8 sequence", at: i) }
            var scalar = UInt32(b) & (0xFF >> UInt32(len + 1))
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw fail("invalid UTF-8 sequence", at: i) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minScalar, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw fail("invalid UTF-8 sequence", at: i)
            }
            i += len
        }
    }

    private mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    private mutating func value() throws(JSONParseError) -> JSONValue {
        guard pos < bytes.count else { throw fail("expecting a value but the input ended") }
        if let consumed, pos - reported >= Self.reportEvery {
            reported = pos
            consumed(pos)
        }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"): try literal("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try literal("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-") where pos + 1 < bytes.count && bytes[pos + 1] == UInt8(ascii: "I"):
            pos += 1
            try literal("Infinity")
            return .double(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("expecting a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        guard pos + n <= bytes.count, (0..<n).allSatisfy({ bytes[pos + $0] == w[$0] }) else {
            throw fail("expecting a value")
        }
        pos += n
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth { throw fail("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var members: [(key: String, value: JSONValue)] = []
        var seen: Set<[UInt8]>? = nil
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(JSONObject()) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                throw fail("expecting a property name in double quotes")
            }
            let key = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expecting ':' delimiter") }
            pos += 1
            skipSpace()
            let v = try value()
            insert(key, v, into: &members, seen: &seen)
            skipSpace()
            guard pos < bytes.count else { throw fail("expecting ',' or '}' but the input ended") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            throw fail("expecting ',' delimiter")
        }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// Duplicate keys are rare; a hash set is built only once an object is large enough to need it.
    private func insert(_ key: String, _ v: JSONValue, into members: inout [(key: String, value: JSONValue)],
                        seen: inout Set<[UInt8]>?) {
        if members.count < 16 {
            if let i = members.firstIndex(where: { JSONObject.sameKey($0.key, key) }) { members[i].value = v }
            else { members.append((key, v)) }
            return
        }
        if seen == nil { seen = Set(members.map { Array($0.key.utf8) }) }
        if seen!.insert(Array(key.utf8)).inserted { members.append((key, v)); return }
        if let i = members.firstIndex(where: { JSONObject.sameKey($0.key, key) }) { members[i].value = v }
    }

    private mutating func array() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var items: [JSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard pos < bytes.count else { throw fail("expecting ',' or ']' but the input ended") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; break }
            throw fail("expecting ',' delimiter")
        }
        return .array(items)
    }
}
