/// The text style an SGR sequence stream has set so far.
struct SGRState {
    /// A palette index (0–15) or a 24-bit colour.
    enum Color: Equatable {
        case palette(Int)
        case rgb(Int, Int, Int)
    }

    var fg: Color?
    var bg: Color?
    var bold = false
    var italic = false
    var underline = false
    var inverse = false

    mutating func apply(_ codes: [Int]) {
        var k = 0
        while k < codes.count {
            let n = codes[k]
            k += 1
            switch n {
            case 0: self = SGRState()
            case 1, 5: bold = true  // blink shows as bold, as in nbconvert
            case 3: italic = true
            case 4: underline = true
            case 7: inverse = true
            case 21, 22: bold = false
            case 23: italic = false
            case 24: underline = false
            case 27: inverse = false
            case 30...37: fg = .palette(n - 30)
            case 38: fg = Self.extended(codes, &k)
            case 39: fg = nil
            case 40...47: bg = .palette(n - 40)
            case 48: bg = Self.extended(codes, &k)
            case 49: bg = nil
            case 90...97: fg = .palette(n - 90 + 8)
            case 100...107: bg = .palette(n - 100 + 8)
            default: break
            }
        }
    }

    /// `5;n` (256 colours) or `2;r;g;b`; a malformed one ends the sequence, as in nbconvert.
    private static func extended(_ codes: [Int], _ k: inout Int) -> Color? {
        guard k < codes.count else { return nil }
        let kind = codes[k]
        if kind == 5, k + 1 < codes.count {
            let idx = codes[k + 1]
            k += 2
            switch idx {
            case 0..<16: return .palette(idx)
            case 16..<232:
                let level = { (v: Int) in v > 0 ? 55 + v * 40 : 0 }
                let v = idx - 16
                return .rgb(level(v / 36), level((v % 36) / 6), level(v % 6))
            case 232..<256:
                let g = (idx - 232) * 10 + 8
                return .rgb(g, g, g)
            default: k = codes.count; return nil
            }
        }
        if kind == 2, k + 3 < codes.count {
            let (r, g, b) = (codes[k + 1], codes[k + 2], codes[k + 3])
            k += 4
            guard [r, g, b].allSatisfy({ (0...255).contains($0) }) else { k = codes.count; return nil }
            return .rgb(r, g, b)
        }
        k = codes.count
        return nil
    }

    /// The opening `<span>` for this style, or nil for the default style.
    func openTag() -> String? {
        guard fg != nil || bg != nil || bold || italic || underline || inverse else { return nil }
        var fg = fg, bg = bg
        // Bold brightens the eight basic colours, as terminals (and nbconvert) do.
        if bold, case .palette(let p)? = fg, p < 8 { fg = .palette(p + 8) }
        if inverse { swap(&fg, &bg) }
        var classes: [String] = []
        var styles: [String] = []
        switch fg {
        case .palette(let p)?: classes.append(ANSIConverter.colorNames[p] + "-fg")
        case .rgb(let r, let g, let b)?: styles.append("color: rgb(\(r),\(g),\(b))")
        case nil: if inverse { classes.append("ansi-default-inverse-fg") }
        }
        switch bg {
        case .palette(let p)?: classes.append(ANSIConverter.colorNames[p] + "-bg")
        case .rgb(let r, let g, let b)?: styles.append("background-color: rgb(\(r),\(g),\(b))")
        case nil: if inverse { classes.append("ansi-default-inverse-bg") }
        }
        if bold { classes.append("ansi-bold") }
        if italic { classes.append("ansi-italic") }
        if underline { classes.append("ansi-underline") }
        var tag = "<span"
        if !classes.isEmpty { tag += " class=\"" + classes.joined(separator: " ") + "\"" }
        if !styles.isEmpty { tag += " style=\"" + styles.joined(separator: "; ") + "\"" }
        return tag + ">"
    }
}
