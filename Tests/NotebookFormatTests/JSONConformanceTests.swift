import Foundation
import Testing
@testable import NotebookFormat

/// Quire's JSON writer against `json.dumps(json.loads(doc), indent=1, sort_keys=True, ensure_ascii=False)`,
/// computed by Python in the same run.
@Suite struct JSONConformanceTests {
    static let curated: [String] = [
        "[1e-05, 1.0, 0.1, 1e16, 1.5e16, 1e15, 123456789012345678.0, 5e-324, 1.7976931348623157e308]",
        "[-0.0, 0.0, 0.0001, 0.00001, 1e22, 3.14159, 100.0, 1e-7, 2.5e-5, 1234567890123456.7, 9007199254740993.0]",
        "[1E5, 1e+5, 2.50, 0.30000000000000004, 1e300, 4.35, 2.675, 1e-320, 123e-2, -1.5e-10]",
        "[NaN, Infinity, -Infinity]",
        "[0, -0, 1, -1, 9223372036854775807, -9223372036854775808, 9223372036854775808, 123456789012345678901234567890, -123456789012345678901234567890]",
        #"["plain", "é", "e\u0301", "日本語", "😀", "\ud83d\ude00", "\u007f", "\u0085", "\u2028\u2029", "\ufeff"]"#,
        #"["\u0000", "\u0001", "\u001f", "\b\f\n\r\t", "\"", "\\", "\/", "a\u0020b", "\u00e9\u00C9"]"#,
        #"{"b": 1, "a": 2, "B": 3, "é": 4, "e\u0301": 5, "z": 6, "😀": 7, "\uffff": 8, "": 9, "aa": 10, "a ": 11}"#,
        #"{"dup": 1, "dup": 2, "other": {"dup": [], "dup": {}}}"#,
        #"{"nested": [[], {}, [[]], {"a": {}}, [1, [2, [3]]]], "t": true, "f": false, "n": null}"#,
        "   \n\t{ \"spaced\" :\r\n [ 1 , 2 ] }  \n",
        String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
    ]

    /// Random bit patterns cover the float formatter far beyond hand-picked values.
    static let randomFloats: [String] = {
        var rng = SystemRandomNumberGenerator()
        return (0..<20).map { _ in
            let values = (0..<100).compactMap { _ -> String? in
                let d = Double(bitPattern: rng.next())
                return d.isFinite ? "\(d)" : nil
            }
            return "[" + values.joined(separator: ", ") + "]"
        }
    }()

    @Test func matchesPythonJSONDumps() throws {
        let docs = Self.curated + Self.randomFloats
        let input = JSONValue.array(docs.map { .string($0) }).serialized()
        let output = try Repo.runPython("json_dumps.py", input: Data(input))
        let expected = try #require(try JSONValue.parse(output).arrayValue)
        #expect(expected.count == docs.count)
        for (doc, want) in zip(docs, expected) {
            let mine = String(decoding: try JSONValue.parse(doc).serialized(.notebook), as: UTF8.self)
            #expect(mine == want.stringValue, "\(doc.prefix(120))")
        }
    }

    @Test func integersAndFloatsKeepTheirKind() throws {
        let v = try JSONValue.parse("[1, 1.0, 1e2, 99999999999999999999]")
        #expect(v == .array([.int(1), .double(1), .double(100), .bigInt("99999999999999999999")]))
    }

    @Test func keysDifferingOnlyByNormalisationStayDistinct() throws {
        let v = try JSONValue.parse(#"{"é": 1, "e\u0301": 2}"#)
        #expect(v.objectValue?.count == 2)
        #expect(v["é"] == .int(1))
        #expect(v["e\u{301}"] == .int(2))
    }

    @Test func compactStyleKeepsOrder() throws {
        let v = try JSONValue.parse(#"{"b": [1, 2], "a": "x\n"}"#)
        #expect(String(decoding: v.serialized(), as: UTF8.self) == #"{"b":[1,2],"a":"x\n"}"#)
    }
}
