/// Word-at-a-time scanning: most of a big notebook is long runs of plain ASCII (base64 images,
/// HTML), so testing eight bytes per step is where reading and writing spend their time.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// First index in `from..<end` holding `"`, `\` or a control character (< 0x20), or `end`.
    @inline(__always)
    static func firstSpecial(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasSpecial(w) { break }
            i += 8
        }
        while i < end {
            let b = base[i]
            if b == 0x22 || b == 0x5C || b < 0x20 { return i }
            i += 1
        }
        return end
    }

    /// First index in `from..<end` of a byte ≥ 0x80, or `end`.
    @inline(__always)
    static func firstNonASCII(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        while i + 8 <= end {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & highs != 0 { break }
            i += 8
        }
        while i < end, base[i] < 0x80 { i += 1 }
        return i
    }

    /// Classic "has a zero byte" bit trick, applied to the three byte classes a JSON string must escape.
    /// It may report a false positive only after a true one in the same word, which the byte loop settles.
    @inline(__always)
    private static func hasSpecial(_ w: UInt64) -> Bool {
        let quote = w ^ (ones &* 0x22)
        let slash = w ^ (ones &* 0x5C)
        let q = (quote &- ones) & ~quote
        let s = (slash &- ones) & ~slash
        let control = (w &- (ones &* 0x20)) & ~w
        return (q | s | control) & highs != 0
    }
}
