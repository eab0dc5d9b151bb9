#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON object that keeps its members in input order.
///
/// Keys compare by Unicode scalars, as Python's `dict` does, not by Swift's canonical equivalence:
/// "é" and "e\u{301}" are two different keys, exactly as in the file.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)] = []

    public init() {}

    /// Later duplicates replace earlier ones in place, as `json.loads` keeps the last value.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Builds from pairs the caller guarantees have distinct keys (the parser checks as it goes).
    init(uniqueMembers: [(key: String, value: JSONValue)]) { members = uniqueMembers }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public func index(forKey key: String) -> Int? {
        members.firstIndex { Self.sameKey($0.key, key) }
    }

    public subscript(key: String) -> JSONValue? {
        get { index(forKey: key).map { members[$0].value } }
        set {
            if let i = index(forKey: key) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append((key, v))
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let i = index(forKey: key) else { return nil }
        return members.remove(at: i).value
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }

    /// Members ordered by code point of the key, as Python's `sort_keys=True` orders them.
    public var sortedMembers: [(key: String, value: JSONValue)] {
        members.sorted { Self.scalarLess($0.key, $1.key) }
    }

    /// Byte equality of the UTF-8 forms: exact, and much cheaper than `==`, which compares by
    /// canonical equivalence.
    static func sameKey(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 } }
    }

    /// UTF-8 byte order equals code point order, which is what Python compares.
    static func scalarLess(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (k, v) in lhs.members {
            guard let other = rhs[k], other == v else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for (k, _) in sortedMembers { hasher.combine(Array(k.utf8)) }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}
