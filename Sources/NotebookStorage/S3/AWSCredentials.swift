import Foundation

/// An access key pair, with the session token of temporary credentials.
public struct AWSCredentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

/// The INI files of the AWS tools (`~/.aws/credentials`, `~/.aws/config`): `[section]` headers and
/// `key = value` lines; `#` and `;` start comments. Indented continuation lines (nested settings
/// such as `s3 =` blocks) are skipped, which is all Quire needs from them.
struct AWSProfileFile {
    var sections: [String: [String: String]] = [:]

    init(text: String) {
        var current: String? = nil
        for raw in text.split(whereSeparator: \.isNewline) {
            let indented = raw.first == " " || raw.first == "\t"
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if let c = current, sections[c] == nil { sections[c] = [:] }
                continue
            }
            guard !indented, let section = current, let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            sections[section]?[key] = value
        }
    }

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// A profile from the credentials file (`[name]`) or the config file (`[profile name]`, except
    /// `[default]`).
    func profile(_ name: String, configStyle: Bool) -> [String: String]? {
        if configStyle && name != "default" { return sections["profile \(name)"] ?? sections[name] }
        return sections[name]
    }
}
