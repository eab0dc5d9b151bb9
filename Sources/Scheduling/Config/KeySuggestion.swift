/// "Did you mean" for misspelt keys and names.
enum KeySuggestion {
    /// The known name closest to `word`: one that is equal when case and `_`/`-` are ignored
    /// (`maxAttempts` for `max_attempts`), else one that ends with it (`attempts`), else one within
    /// an edit distance of about a third of its length, a swap of two letters counting as one edit.
    static func closest(to word: String, among known: [String]) -> String? {
        let folded = fold(word)
        if let same = known.first(where: { fold($0) == folded }) { return same }
        if folded.count >= 4, let longer = known.first(where: { fold($0).reversed().starts(with: folded.reversed()) }) {
            return longer
        }
        let scored = known.map { (name: $0, distance: distance(folded, fold($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(1, min(3, word.count / 3)) ? best.name : nil
    }

    private static func fold(_ s: String) -> [Character] {
        Array(s.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Optimal string alignment distance: Levenshtein plus adjacent transpositions.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
