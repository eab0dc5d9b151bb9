import ArgumentParser
import Foundation
import NotebookExecution

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
        subcommands: [RunCommand.self, ValidateCommand.self, FmtCommand.self, InspectCommand.self, RenderCommand.self, KernelsCommand.self,
                      ServeCommand.self, WorkerCommand.self, SubmitCommand.self, RunsCommand.self, JobsCommand.self, StorageBenchCommand.self, SeedRunsCommand.self, QueueBenchCommand.self]
    )

    /// Argument errors exit with 2 (bad input or usage) like every other input error, instead of
    /// swift-argument-parser's default 64.
    static func main() async {
        do {
            let arguments: [String]
            do { arguments = try ParameterPairs.extract(from: Array(CommandLine.arguments.dropFirst())) } catch {
                Stderr.print("quire run: \(error.message)")
                Foundation.exit(QuireExit.badInput.rawValue)
            }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Stderr.print(fullMessage(for: error))
                Foundation.exit(QuireExit.badInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
