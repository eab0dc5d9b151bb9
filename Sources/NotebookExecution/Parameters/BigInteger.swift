import NotebookFormat

/// Just enough arbitrary-precision arithmetic to read integers in any base (YAML's `0x…`, `0b…`,
/// octal, sexagesimal; Python's `int()`) without losing digits, as Python's unbounded `int` does.
struct BigInteger: Equatable {
    /// Little-endian limbs in base 10^9, so printing in decimal is cheap.
    private var limbs: [UInt64] = [0]
    var negative = false
    private static let base: UInt64 = 1_000_000_000

    init(_ value: UInt64 = 0) {
        limbs = []
        var v = value
        repeat {
            limbs.append(v % Self.base)
            v /= Self.base
        } while v > 0
    }

    var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    /// self = self × factor + addend (factor and addend below 2^32).
    mutating func multiplyAdd(_ factor: UInt64, _ addend: UInt64) {
        var carry = addend
        for i in limbs.indices {
            let v = limbs[i] * factor + carry
            limbs[i] = v % Self.base
            carry = v / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    mutating func add(_ other: BigInteger) {
        var carry: UInt64 = 0
        for i in 0..<max(limbs.count, other.limbs.count) {
            if i == limbs.count { limbs.append(0) }
            let v = limbs[i] + (i < other.limbs.count ? other.limbs[i] : 0) + carry
            limbs[i] = v % Self.base
            carry = v / Self.base
        }
        if carry > 0 { limbs.append(carry) }
    }

    /// Digit values (most significant first) read in `radix`.
    static func from(digits: [UInt64], radix: UInt64) -> BigInteger {
        var n = BigInteger()
        for d in digits { n.multiplyAdd(radix, d) }
        return n
    }

    var decimalString: String {
        var top = limbs.count - 1
        while top > 0 && limbs[top] == 0 { top -= 1 }
        var text = String(limbs[top])
        for i in stride(from: top - 1, through: 0, by: -1) {
            let part = String(limbs[i])
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return (negative && !isZero ? "-" : "") + text
    }

    /// `.int` when it fits, else `.bigInt` with its digits, as NotebookFormat keeps large integers.
    var jsonValue: JSONValue {
        let text = decimalString
        if let small = Int(text) { return .int(small) }
        return .bigInt(text)
    }
}
