/// A small XML reader for S3's answers (ListObjectsV2, errors, multipart uploads). It builds a tree
/// of elements and their text; attributes, processing instructions, comments and the doctype are
/// skipped. CDATA sections and the five named entities plus numeric character references are
/// decoded. Written here rather than using FoundationXML, which pulls libxml2 into a statically
/// linked `quire` binary for documents this simple.
struct XMLReader {
    private let bytes: [UInt8]
    private var i = 0

    static func parse(_ bytes: [UInt8]) throws(XMLSyntaxError) -> XMLElement {
        var r = XMLReader(bytes: bytes)
        return try r.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func document() throws(XMLSyntaxError) -> XMLElement {
        var root: XMLElement? = nil
        // A stack of open elements; the root is the first element opened.
        var stack: [XMLElement] = []
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
                if !stack.isEmpty { stack[stack.count - 1].text += try decodeText(start..<i) }
                continue
            }
            if starts(with: "<?") { try skip(past: "?>"); continue }
            if starts(with: "<!--") { try skip(past: "-->"); continue }
            if starts(with: "<![CDATA[") {
                let start = i + 9
                try skip(past: "]]>")
                if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: bytes[start..<(i - 3)], as: UTF8.self) }
                continue
            }
            if starts(with: "<!") { try skip(past: ">"); continue }
            if starts(with: "</") {
                i += 2
                let name = readName()
                try skip(past: ">")
                guard let open = stack.popLast(), open.name == name else {
                    throw XMLSyntaxError(offset: i, message: "unexpected closing tag </\(name)>")
                }
                if stack.isEmpty { root = root ?? open } else { stack[stack.count - 1].children.append(open) }
                continue
            }
            i += 1
            let name = readName()
            guard !name.isEmpty else { throw XMLSyntaxError(offset: i, message: "expected an element name") }
            // Attributes are skipped; a quoted value may contain ">".
            var selfClosing = false
            while i < bytes.count && bytes[i] != UInt8(ascii: ">") {
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let q = bytes[i]
                    i += 1
                    while i < bytes.count && bytes[i] != q { i += 1 }
                    if i == bytes.count { break }
                }
                selfClosing = bytes[i] == UInt8(ascii: "/")
                i += 1
            }
            guard i < bytes.count else { throw XMLSyntaxError(offset: i, message: "unterminated tag <\(name)") }
            i += 1
            let element = XMLElement(name: name)
            if selfClosing {
                if stack.isEmpty { root = root ?? element } else { stack[stack.count - 1].children.append(element) }
            } else {
                stack.append(element)
            }
        }
        guard stack.isEmpty, let root else { throw XMLSyntaxError(offset: i, message: "no complete root element") }
        return root
    }

    private func starts(with s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        return s.withUTF8Buffer { p in (0..<n).allSatisfy { bytes[i + $0] == p[$0] } }
    }

    private mutating func skip(past s: StaticString) throws(XMLSyntaxError) {
        while i < bytes.count {
            if starts(with: s) { i += s.utf8CodeUnitCount; return }
            i += 1
        }
        throw XMLSyntaxError(offset: i, message: "expected \(s)")
    }

    /// An element name, namespace prefix dropped.
    private mutating func readName() -> String {
        let start = i
        var local = i
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || c == UInt8(ascii: " ") || c == 9 || c == 10 || c == 13 { break }
            if c == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        return String(decoding: bytes[max(start, local)..<i], as: UTF8.self)
    }

    private func decodeText(_ range: Range<Int>) throws(XMLSyntaxError) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        var j = range.lowerBound
        while j < range.upperBound {
            guard bytes[j] == UInt8(ascii: "&") else { out.append(bytes[j]); j += 1; continue }
            guard let semi = bytes[j..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else {
                throw XMLSyntaxError(offset: j, message: "unterminated entity")
            }
            let entity = String(decoding: bytes[(j + 1)..<semi], as: UTF8.self)
            let scalar: Unicode.Scalar? = switch entity {
            case "amp": "&"
            case "lt": "<"
            case "gt": ">"
            case "quot": "\""
            case "apos": "'"
            default:
                entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst(1)).flatMap(Unicode.Scalar.init) : nil
            }
            guard let scalar else { throw XMLSyntaxError(offset: j, message: "unknown entity &\(entity);") }
            out.append(contentsOf: String(Character(scalar)).utf8)
            j = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
