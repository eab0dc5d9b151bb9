import Foundation
import NotebookFormat

/// Builds a run's parameters from its sources exactly as papermill's CLI does (one ordered dict:
/// later sources overwrite values, a name keeps its first position), then adds `--secret`s.
public struct ParameterAssembler: Sendable {
    /// Reads a `-f` location; the CLI plugs in a store here, the default reads local files.
    public var readFile: @Sendable (String) throws -> [UInt8]
    /// The environment the kernel will inherit, to check that every secret's variable is set.
    public var environment: [String: String]

    public init(readFile: @escaping @Sendable (String) throws -> [UInt8] = ParameterAssembler.readLocalFile,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.readFile = readFile
        self.environment = environment
    }

    /// The parameters, and papermill's warnings about `-f` names without a YAML/JSON extension.
    public func assemble(_ sources: ParameterSources) throws(ParameterError) -> (parameters: ParameterSet, warnings: [String]) {
        var parameters = ParameterSet()
        var warnings: [String] = []
        if let path = sources.injectedInputPath { parameters.set("PAPERMILL_INPUT_PATH", .string(path)) }
        if let path = sources.injectedOutputPath { parameters.set("PAPERMILL_OUTPUT_PATH", .string(path)) }
        for (i, text) in sources.base64.enumerated() {
            let source = "-b #\(i + 1)"
            parameters.merge(try mapping(YAMLLoader.load(bytes: Base64.decode(text, source: source), source: source), source: source))
        }
        for path in sources.files {
            if let warning = Self.extensionWarning(path) { warnings.append(warning) }
            let bytes: [UInt8]
            do { bytes = try readFile(path) } catch { throw .unreadableFile(path: path, reason: Self.reason(error)) }
            let source = "-f \(path)"
            parameters.merge(try mapping(YAMLLoader.load(bytes: bytes, source: source), source: source))
        }
        for (i, text) in sources.yaml.enumerated() {
            let source = "-y #\(i + 1)"
            parameters.merge(try mapping(YAMLLoader.load(text, source: source), source: source))
        }
        for pair in sources.values { parameters.set(pair.name, ValueCoercion.coerce(pair.value)) }
        for pair in sources.raw { parameters.set(pair.name, .string(pair.value)) }
        for argument in sources.secrets {
            let secret = try SecretParameter(parsing: argument)
            guard environment[secret.environmentVariable] != nil else {
                throw .secretNotSet(parameter: secret.name, variable: secret.environmentVariable)
            }
            parameters.setSecret(secret.name, environmentVariable: secret.environmentVariable)
        }
        return (parameters, warnings)
    }

    /// An empty document (or plain `null`) contributes nothing; any other non-mapping is an error.
    private func mapping(_ value: JSONValue?, source: String) throws(ParameterError) -> JSONObject {
        switch value {
        case nil: return JSONObject()
        case .object(let o)?: return o
        case .array?: throw .notAMapping(source: source, found: "a list")
        case .string(let s)?: throw .notAMapping(source: source, found: "the string \(PythonText.shellQuote(s))")
        case let other?: throw .notAMapping(source: source, found: "the \(other.typeName) \(Self.scalarText(other))")
        }
    }

    private static func scalarText(_ v: JSONValue) -> String {
        switch v {
        case .int(let i): String(i)
        case .bigInt(let d): d
        case .double(let d): PythonText.float(d)
        case .bool(let b): b ? "true" : "false"
        default: ""
        }
    }

    /// papermill's I/O layer warns when a parameters file is not `.json`, `.yaml` or `.yml`.
    static func extensionWarning(_ path: String) -> String? {
        let base = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        let name = String(base.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if !name.contains(".") {
            return "the file is not specified with any extension : \(base)"
        }
        if ![".json", ".yaml", ".yml"].contains(where: { name.hasSuffix($0) }) {
            return "The specified file (\(path)) does not end in one of ['.json', '.yaml', '.yml']"
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        if let e = error as? CocoaError, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return String(describing: error)
    }

    /// Reads a local file whole.
    public static let readLocalFile: @Sendable (String) throws -> [UInt8] = { path in
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LocalFileError(path: path, code: errno)
        }
        defer { try? handle.close() }
        return [UInt8](try handle.readToEnd() ?? Data())
    }
}

/// Why a local parameters file could not be opened, as `strerror` says it.
struct LocalFileError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}
