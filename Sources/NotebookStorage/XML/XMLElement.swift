/// An element of a small XML document (S3's answers): name without namespace prefix, child
/// elements in order, and the concatenated character data directly inside it.
struct XMLElement: Sendable {
    var name: String
    var children: [XMLElement] = []
    var text = ""

    /// The first child with this name.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every child with this name, in document order.
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The text of the first child with this name.
    func value(_ name: String) -> String? { child(name)?.text }
}

/// The document is not well-formed enough to read.
struct XMLSyntaxError: Error, CustomStringConvertible {
    var offset: Int
    var message: String
    var description: String { "malformed XML at byte \(offset): \(message)" }
}
