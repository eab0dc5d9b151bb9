import NotebookFormat

/// The injected cell's id, derived from the notebook instead of drawn at random (papermill draws a
/// new uuid each time): the same input and parameters give the same output notebook, so two runs
/// diff cleanly.
///
/// The id is the first 8 hex digits of FNV-1a (64-bit) over the notebook's existing cell ids, in
/// order and newline-separated, followed by `injected-parameters`. On the rare collision with an id
/// that stays in the notebook, `#1`, `#2`, … is appended to the hashed text until it is unique.
enum InjectedCellID {
    static func make(existing ids: [String?], avoiding taken: Set<String>) -> String {
        let base = ids.map { $0 ?? "" }.joined(separator: "\n") + "\ninjected-parameters"
        var attempt = 0
        while true {
            let text = attempt == 0 ? base : base + "#\(attempt)"
            let id = hex8(fnv1a(text))
            if !taken.contains(id) { return id }
            attempt += 1
        }
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex8(_ v: UInt64) -> String {
        let s = String(v >> 32, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
