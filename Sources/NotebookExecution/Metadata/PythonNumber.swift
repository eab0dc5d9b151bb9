import NotebookFormat

/// Numbers in messages written the way Python prints them (`5` for an int-valued float would be `5.0`).
enum PythonNumber {
    static func repr(_ d: Double) -> String {
        String(decoding: JSONValue.double(d).serialized(), as: UTF8.self)
    }
}
