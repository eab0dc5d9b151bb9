/// What makes two kernelspecs interchangeable for pooling: everything that shapes the started
/// process or how Quire talks to it. Two specs that share a name but live in different directories
/// (a venv's `python3` and the system's) must never share kernels.
struct PoolKey: Hashable, Sendable {
    let name: String
    let resourceDirectory: String
    let argv: [String]
    let env: [String: String]
    let language: String
    let interruptMode: String

    init(_ spec: KernelSpec) {
        name = spec.name
        resourceDirectory = spec.resourceDirectory
        argv = spec.argv
        env = spec.env
        language = spec.language
        interruptMode = spec.interruptMode.rawValue
    }
}
