import ArgumentParser

@main
struct Quire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Run, record, schedule and share Jupyter notebooks.",
        discussion: """
            Exit codes: 0 success, 1 the notebook raised, 2 bad input or usage, \
            3 infrastructure failure (kernel could not start, storage unreachable).
            """,
        version: QuireVersion.current,
        subcommands: [ValidateCommand.self, FmtCommand.self]
    )
}

enum QuireVersion {
    static let current = "0.1.0"
}
