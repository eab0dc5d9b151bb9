import Foundation

/// `-b` decoding as Python's `base64.b64decode` (non-validating): characters outside the base64
/// alphabet are skipped, and only a length that cannot be base64 is refused.
enum Base64 {
    static func decode(_ text: String, source: String) throws(ParameterError) -> [UInt8] {
        var symbols = text.unicodeScalars.filter { s in
            ("A"..."Z").contains(s) || ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "+" || s == "/"
        }.map(Character.init)
        // Padding is optional for the decoder below only if the count is restored.
        let count = symbols.count
        if count % 4 == 1 {
            throw .invalidBase64(source: source, detail: "number of data characters (\(count)) cannot be 1 more than a multiple of 4")
        }
        symbols += Array(repeating: "=", count: (4 - count % 4) % 4)
        guard let data = Data(base64Encoded: String(symbols)) else {
            throw .invalidBase64(source: source, detail: "the text does not decode")
        }
        return [UInt8](data)
    }
}
