import QuireTestSupport
import Foundation

/// Runs a script of Tests/python with the project's venv and returns its stdout.
enum PythonHelper {
    static func run(_ script: String, _ arguments: [String] = [], stdin: Data? = nil) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ChildServer.python)
        p.arguments = [ChildServer.root + "/Tests/python/" + script] + arguments
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw TestServerError(message: "\(script) failed (\(p.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return data
    }
}
