import Foundation
import NotebookFormat

/// PyYAML's `SafeLoader` scalar rules (YAML 1.1), minus the timestamp resolver as papermill's
/// `NoDatesSafeLoader` removes it: `yes`/`on` are booleans, `0x1F`, `017`, `0b101` and `1:30` are
/// ints, `1.0e+5` and `.inf` are floats, but `1e3` (no dot) and `2024-01-01` stay strings.
///
/// Yams resolves plain scalars by YAML 1.2-ish rules (`1e3` is a float, `0o17` an int), so Quire
/// resolves and constructs scalars itself and uses Yams only to parse.
enum YAMLScalar {
    static let boolTag = "tag:yaml.org,2002:bool"
    static let intTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let nullTag = "tag:yaml.org,2002:null"
    static let strTag = "tag:yaml.org,2002:str"
    static let mergeTag = "tag:yaml.org,2002:merge"
    static let valueTag = "tag:yaml.org,2002:value"

    // PyYAML's implicit resolvers, in its order of registration (timestamp left out).
    private static let rules: [(tag: String, regex: NSRegularExpression)] = [
        (boolTag, #"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"#),
        (floatTag, #"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"#),
        (intTag, #"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"#),
        (mergeTag, #"^(?:<<)$"#),
        (nullTag, #"^(?:~|null|Null|NULL|)$"#),
        (valueTag, #"^(?:=)$"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    /// The tag a plain (unquoted, untagged) scalar resolves to.
    static func implicitTag(of text: String) -> String {
        let range = NSRange(location: 0, length: (text as NSString).length)
        for rule in rules where rule.regex.firstMatch(in: text, range: range) != nil { return rule.tag }
        return strTag
    }

    /// SafeConstructor's value for a scalar with a resolved or explicit tag; nil for a tag it has
    /// no constructor for.
    static func construct(_ text: String, tag: String) throws(ScalarError) -> JSONValue? {
        switch tag {
        case strTag: return .string(text)
        case nullTag: return .null
        case boolTag:
            switch text.lowercased() {
            case "yes", "true", "on": return .bool(true)
            case "no", "false", "off": return .bool(false)
            default: throw ScalarError("'\(text)' is not a YAML boolean")
            }
        case intTag: return try integer(text)
        case floatTag: return .double(try float(text))
        default: return nil
        }
    }

    struct ScalarError: Error { var message: String; init(_ m: String) { message = m } }

    /// `construct_yaml_int`: underscores dropped, then binary, hex, octal (leading 0), sexagesimal
    /// (`1:30` = 90) or decimal, with arbitrary size.
    private static func integer(_ text: String) throws(ScalarError) -> JSONValue {
        var body = Array(text.replacing(scalar: "_", with: "").unicodeScalars)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body.removeFirst()
        }
        func digits(_ scalars: ArraySlice<Unicode.Scalar>, radix: UInt32) throws(ScalarError) -> [UInt64] {
            var out: [UInt64] = []
            for s in scalars {
                guard let d = Character(s).hexDigitValue, d < radix else {
                    throw ScalarError("invalid literal for int() with base \(radix): '\(String(String.UnicodeScalarView(scalars)))'")
                }
                out.append(UInt64(d))
            }
            guard !out.isEmpty else { throw ScalarError("invalid literal for int() with base \(radix): ''") }
            return out
        }
        var n: BigInteger
        let s = String(String.UnicodeScalarView(body))
        if s == "0" {
            n = BigInteger()
        } else if s.hasPrefix("0b") {
            n = .from(digits: try digits(body[2...], radix: 2), radix: 2)
        } else if s.hasPrefix("0x") {
            n = .from(digits: try digits(body[2...], radix: 16), radix: 16)
        } else if s.hasPrefix("0") {
            n = .from(digits: try digits(body[...], radix: 8), radix: 8)
        } else if s.contains(":") {
            n = BigInteger()
            for part in s.split(separator: ":", omittingEmptySubsequences: false) {
                n.multiplyAdd(60, 0)
                n.add(.from(digits: try digits(ArraySlice(part.unicodeScalars), radix: 10), radix: 10))
            }
        } else {
            n = .from(digits: try digits(body[...], radix: 10), radix: 10)
        }
        n.negative = negative
        return n.jsonValue
    }

    /// `construct_yaml_float`: `.inf`, `.nan`, sexagesimal, else Python's `float()`.
    private static func float(_ text: String) throws(ScalarError) -> Double {
        var value = text.replacing(scalar: "_", with: "").lowercased()
        var sign = 1.0
        if let first = value.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            value.removeFirst()
        }
        if value == ".inf" { return sign * .infinity }
        if value == ".nan" { return .nan }
        if value.contains(":") {
            var total = 0.0
            for part in value.split(separator: ":", omittingEmptySubsequences: false) {
                guard let d = PythonNumberSyntax.float(String(part)) else {
                    throw ScalarError("could not convert string to float: '\(part)'")
                }
                total = total * 60 + d
            }
            return sign * total
        }
        guard let d = PythonNumberSyntax.float(value) else { throw ScalarError("could not convert string to float: '\(text)'") }
        return sign * d
    }
}
