import Foundation
import NotebookExecution
import NotebookFormat

/// A job definition file for `quire jobs add`: YAML or JSON, one job (the server validates it).
enum JobFile {
    static func load(_ path: String) throws(ClientError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else { throw .usage("\(path): no such file") }
        let value: JSONValue?
        do { value = try YAMLLoader.load(bytes: Array(data), source: path) } catch { throw .usage(error.description) }
        guard let value, value.objectValue != nil else { throw .usage("\(path): expected one job (a mapping of its fields)") }
        return value
    }
}
