import Foundation

/// argv placeholders and the bare-`python` rule of jupyter_client.
enum ArgvResolver {
    static func resolve(_ spec: KernelSpec, connectionFile: String, environment: [String: String]) -> [String] {
        var argv = spec.argv.map { arg in
            substitute(arg, ["connection_file": connectionFile, "resource_dir": spec.resourceDirectory])
        }
        argv = argv.map { ($0 as NSString).expandingTildeInPath }
        if let python = resolvePython(argv[0], resourceDir: spec.resourceDirectory) { argv[0] = python }
        return argv
    }

    /// Replaces `{name}` for known names only; unknown placeholders stay verbatim.
    static func substitute(_ arg: String, _ values: [String: String]) -> String {
        var out = arg
        for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }

    /// jupyter_client swaps a bare `python`/`python3` for its own interpreter; Quire's equivalent is
    /// the interpreter of the environment the kernelspec was installed into.
    static func resolvePython(_ argv0: String, resourceDir: String) -> String? {
        guard !argv0.contains("/"),
            argv0.wholeMatch(of: /python(3(\.\d+)?)?/) != nil,
            let range = resourceDir.range(of: "/share/jupyter/kernels/")
        else { return nil }
        let prefix = String(resourceDir[..<range.lowerBound])
        for candidate in [prefix + "/bin/" + argv0, prefix + "/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }
}

/// Python's `string.Template.safe_substitute`, as jupyter_client applies it to kernelspec `env`.
enum EnvTemplate {
    static func expand(_ s: String, with env: [String: String]) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            guard c == "$" else {
                out.append(c)
                i = s.index(after: i)
                continue
            }
            let rest = s[s.index(after: i)...]
            if rest.first == "$" {
                out.append("$")
                i = s.index(i, offsetBy: 2)
            } else if let m = rest.prefixMatch(of: /\{([_A-Za-z][_A-Za-z0-9]*)\}/) {
                out += env[String(m.1)] ?? String(m.0).withDollar
                i = m.range.upperBound
            } else if let m = rest.prefixMatch(of: /[_A-Za-z][_A-Za-z0-9]*/) {
                out += env[String(m.0)] ?? String(m.0).withDollar
                i = m.range.upperBound
            } else {
                out.append("$")
                i = s.index(after: i)
            }
        }
        return out
    }
}

extension String {
    fileprivate var withDollar: String { "$" + self }
}
