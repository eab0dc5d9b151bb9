import Foundation

/// A kernelspec: a directory holding `kernel.json` (and logos), found by `KernelSpecFinder`.
public struct KernelSpec: Sendable, Equatable {
    /// How `KernelClient.interrupt()` reaches the kernel.
    public enum InterruptMode: String, Sendable { case signal, message }

    /// Directory name, lower-cased (Jupyter looks names up case-insensitively).
    public var name: String
    /// The kernelspec directory; substituted for `{resource_dir}`.
    public var resourceDirectory: String
    public var argv: [String]
    public var displayName: String
    public var language: String
    /// Added to the inherited environment at launch, after `$VAR` expansion.
    public var env: [String: String]
    public var interruptMode: InterruptMode

    public init(
        name: String, resourceDirectory: String, argv: [String], displayName: String,
        language: String, env: [String: String] = [:], interruptMode: InterruptMode = .signal
    ) {
        self.name = name
        self.resourceDirectory = resourceDirectory
        self.argv = argv
        self.displayName = displayName
        self.language = language
        self.env = env
        self.interruptMode = interruptMode
    }

    private struct File: Decodable {
        var argv: [String]
        var display_name: String?
        var language: String?
        var env: [String: String]?
        var interrupt_mode: String?
    }

    /// Reads `<directory>/kernel.json`. Unknown keys are ignored, as jupyter_client does.
    public init(directory: String, name: String? = nil) throws(KernelError) {
        let path = directory + "/kernel.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidKernelSpec(path: path, reason: "cannot read file")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw .invalidKernelSpec(path: path, reason: "\(error)")
        }
        guard !file.argv.isEmpty else { throw .invalidKernelSpec(path: path, reason: "empty argv") }
        self.init(
            name: (name ?? (directory as NSString).lastPathComponent).lowercased(),
            resourceDirectory: directory, argv: file.argv,
            displayName: file.display_name ?? "", language: file.language ?? "",
            env: file.env ?? [:],
            interruptMode: InterruptMode(rawValue: (file.interrupt_mode ?? "signal").lowercased()) ?? .signal)
    }
}
