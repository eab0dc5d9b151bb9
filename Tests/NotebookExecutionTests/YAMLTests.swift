import Foundation
import NotebookFormat
import Testing
@testable import NotebookExecution

/// YAML parameters read exactly as papermill's PyYAML `NoDatesSafeLoader` reads them.
@Suite struct YAMLTests {
    /// Plain scalars whose type depends on YAML 1.1 rules (Yams alone differs on several).
    static let scalars: [String] = [
        "1e3", "1.0e5", "1.0e+5", "1.0E-5", "-.5", ".5", "+.5", "1.", "0.", "-1.5", "1_0.5_", "1_000.5",
        "0o17", "017", "08", "0x1F", "0X1F", "-0x10", "0b101", "-0b11", "1_000", "0_", "1__", "+0", "-0", "00", "+12",
        "1:30", "-1:30", "1:30.5", "1:60", "190:20:30", "12345678901234567890123", "0x" + String(repeating: "F", count: 20),
        "yes", "Yes", "YES", "yEs", "no", "No", "on", "On", "ON", "off", "Off", "y", "Y", "n", "N", "true", "True", "TRUE", "tRUE", "false",
        "~", "null", "Null", "NULL", "nULL", "", ".inf", ".Inf", "-.inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", "inf", "nan",
        "2024-01-01", "2024-1-1", "2024-01-01 10:00:00", "2024-01-01T10:00:00Z", "10:00", "1.2.3", "0.1", "1e-7", "3.0e-7",
        "\"quoted 1\"", "'yes'", "\"~\"", "!!str 1", "!!int \"42\"", "!!float \"1\"", "!!bool \"yes\"", "!!null \"\"", "! 12",
        "café", "a b", "'it''s'", "\"tab\\there\"", "\"\\u00e9\"", "|\n  block\n  text\n", ">\n  folded\n  text\n",
    ]

    /// Whole documents: flow and block collections, anchors, merge keys, comments, odd keys.
    static let documents: [String] = [
        "a: 1\nb: [1, two, 3.5, false, null]\nc: {k: v, n: 1}\n",
        "# comment\na: 1 # trailing\n",
        "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n  z: 4\n",
        "derived:\n  z: 0\n  <<: {z: 9, w: 1}\n",
        "a: &a {p: 1, q: 2}\nb: &b {q: 3, r: 4}\nc:\n  <<: [*a, *b]\n  s: 5\n",
        "list: &l [1, 2]\ncopy: *l\n",
        "1: int key\n2.5: float key\nfalse: bool key\n~: null key\n\"quoted\": s\n",
        "{1: a, true: b, 1.0: c, 0: d, false: e, x: f}",
        "=: value key\n",
        "nested:\n  - a: 1\n    b: [x, y]\n  - {c: {d: [1, {e: 2}]}}\n",
        "{over: from_yaml, ydate: 2024-01-01, yint: \"5\"}",
        "s: \"He said \\\"hi\\\" & 'bye'\\nline2 back\\\\slash\"\n",
        "---\na: 1\n...\n",
        "a: !!str 2024-01-01\nb: !!float 3\n",
    ]

    @Test func scalarsMatchPyYAML() throws {
        let docs = Self.scalars.map { "v: " + $0 }
        try compare(docs)
    }

    @Test func documentsMatchPyYAML() throws {
        try compare(Self.documents)
    }

    private func compare(_ docs: [String]) throws {
        let answers = try Repo.papermill("yaml", docs.map(JSONValue.string))
        for (doc, answer) in zip(docs, answers) {
            if answer["error"] != nil {
                #expect(throws: ParameterError.self, "\(doc.debugDescription) fails in PyYAML: \(answer["error"]!)") {
                    try YAMLLoader.load(doc, source: "-y #1")
                }
                continue
            }
            let mine = try YAMLLoader.load(doc, source: "-y #1")
            #expect((mine ?? .null).pythonTagged == answer, "\(doc.debugDescription)")
        }
    }

    /// Both sides refuse these (PyYAML: no constructor for `=` / `<<` as values, unknown tags,
    /// two documents, a bad hex literal).
    @Test func refusedLikePyYAML() throws {
        let docs = ["v: =", "v: <<", "v: !foo 1", "a: 1\n---\nb: 2\n", "v: !!int 0x_", "v: [1, 2", "[a]: 1"]
        let answers = try Repo.papermill("yaml", docs.map(JSONValue.string))
        for (doc, answer) in zip(docs, answers) {
            #expect(answer["error"] != nil, "PyYAML accepted \(doc.debugDescription)")
            #expect(throws: ParameterError.self, "\(doc.debugDescription)") { try YAMLLoader.load(doc, source: "-y #1") }
        }
    }

    /// PyYAML builds bytes, sets and datetimes from these tags; none can be a notebook parameter
    /// (papermill would fail writing the metadata), so Quire refuses them up front.
    @Test func refusedByQuireOnly() throws {
        for doc in ["v: !!binary aGk=", "v: !!set {a, b}", "v: !!timestamp 2024-01-01", "v: !!omap [a: 1]"] {
            #expect(throws: ParameterError.self, "\(doc)") { try YAMLLoader.load(doc, source: "-y #1") }
        }
        #expect(throws: ParameterError.unsupportedYAML(source: "-y #1", detail: "could not determine a constructor for the tag 'tag:yaml.org,2002:binary' (line 1, column 4)")) {
            try YAMLLoader.load("v: !!binary aGk=", source: "-y #1")
        }
        // Yams (libyaml composer) refuses a key repeated in one mapping; PyYAML keeps the last value.
        #expect(throws: ParameterError.invalidYAML(source: "-y #1", detail: "the key 'a' appears twice in one mapping (line 1, column 1)")) {
            try YAMLLoader.load("a: 1\na: 2\n", source: "-y #1")
        }
    }

    @Test func encodings() throws {
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("a: é".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try YAMLLoader.load(bytes: utf16, source: "-f p.yaml") == ["a": "é"])
        #expect(try YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1".utf8), source: "-f p.yaml") == ["a": 1])
        #expect(throws: ParameterError.invalidYAML(source: "-f p.yaml", detail: "the text is not valid UTF-8")) {
            try YAMLLoader.load(bytes: [0x61, 0x3A, 0x20, 0xFF], source: "-f p.yaml")
        }
    }
}
