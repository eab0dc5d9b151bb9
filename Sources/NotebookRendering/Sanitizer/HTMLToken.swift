/// What the sanitiser's tokenizer reads from untrusted HTML.
enum HTMLToken {
    /// Character data, still as written (entities not decoded).
    case text(Range<Int>)
    /// Name lower-cased; attribute names lower-cased and values with character references decoded.
    case startTag(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    case endTag(name: String)
    /// Comments, doctypes, processing instructions, CDATA: never emitted.
    case ignored
}
