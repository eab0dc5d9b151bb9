/// A kernelspec argv a fork server can stand in for: `<python> [interpreter options] -m
/// ipykernel_launcher -f <connection file> [--Class.trait=value ...]` (or `-m ipykernel`), after
/// placeholder substitution. The trailing traitlets options (such as the batch kernels'
/// `--HistoryManager.hist_file=:memory:`) are the kernel application's own arguments.
/// A forked kernel runs exactly that module with those arguments, in an interpreter started with
/// the same executable and options; any other argv cannot be reproduced by a fork, so it is not
/// forked.
struct ForkableKernel: Equatable {
    /// The interpreter and its options: how the fork server itself is started.
    let interpreter: [String]
    let module: String
    let arguments: [String]

    /// The kernel, or why its argv is not the standard ipykernel form.
    static func parse(_ argv: [String], connectionFile: String) -> Result<ForkableKernel, NotForkable> {
        guard let python = argv.first, python.hasPrefix("/"),
            python.split(separator: "/").last?.wholeMatch(of: /python(3(\.\d+)?)?/) != nil
        else { return .failure(NotForkable("argv[0] is not an absolute path to a python interpreter")) }
        guard let m = argv.firstIndex(of: "-m") else { return .failure(NotForkable("no -m <module>")) }
        // Options that only change the interpreter, which the fork server is started with too.
        // Anything else (-c, -W with its value, ...) could change what a fork inherits.
        for option in argv[1..<m] where option.wholeMatch(of: /-X\S+|-[BEIOPsSu]+/) == nil {
            return .failure(NotForkable("interpreter option \(option) is not supported"))
        }
        let rest = Array(argv[(m + 1)...])
        guard rest.count >= 3, ["ipykernel_launcher", "ipykernel"].contains(rest[0]), rest[1] == "-f", rest[2] == connectionFile else {
            return .failure(NotForkable("not `-m ipykernel_launcher -f {connection_file}`"))
        }
        for option in rest[3...] where option.wholeMatch(of: /--[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_.]*=.*/) == nil {
            return .failure(NotForkable("kernel argument \(option) is not a --Class.trait=value option"))
        }
        return .success(ForkableKernel(interpreter: Array(argv[...(m - 1)]), module: rest[0], arguments: Array(rest[1...])))
    }
}

struct NotForkable: Error, Equatable, CustomStringConvertible {
    let description: String
    init(_ reason: String) { description = reason }
}
