/// How `JSONValue.serialized` lays out a document.
public enum JSONWriteStyle: Sendable {
    /// No white space, members in stored order: wire messages.
    case compact
    /// `json.dumps(v, indent=1, sort_keys=True, ensure_ascii=False, separators=(",", ": "))`, the
    /// layout nbformat writes, byte for byte.
    case notebook
}
