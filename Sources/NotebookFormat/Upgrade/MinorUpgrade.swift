extension Notebook {
    /// Brings a 4.0–4.4 notebook to 4.5, giving each cell an id derived from `seed` and its position,
    /// so the same input always gets the same ids and outputs of two runs diff cleanly (nbformat's
    /// upgrade draws random ones). Ids already present are kept; duplicates are replaced.
    public mutating func upgradeToCurrentMinor(seed: String) {
        guard nbformat == 4, nbformatMinor < Notebook.currentMinor else { return }
        nbformatMinor = Notebook.currentMinor
        var used = Set(cells.compactMap(\.id))
        for i in cells.indices where cells[i].id == nil {
            var attempt = 0
            var id: String
            repeat {
                id = Self.derivedID(seed: seed, index: i, attempt: attempt)
                attempt += 1
            } while used.contains(id)
            used.insert(id)
            cells[i].id = id
        }
    }

    /// 8 hex digits of FNV-1a over the seed, the index and the attempt: stable across runs and platforms.
    public static func derivedID(seed: String, index: Int, attempt: Int = 0) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(seed)#\(index)#\(attempt)".utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h & 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
