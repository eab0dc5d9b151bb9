import ArgumentParser
import Foundation

/// The exit codes every subcommand uses (../shared/DESIGN.md, "Errors").
enum QuireExit {
    static let notebookRaised = ExitCode(1)
    static let badInput = ExitCode(2)
    static let infrastructure = ExitCode(3)
}

/// Standard error, unbuffered, for diagnostics that must not mix with a notebook written to stdout.
enum Stderr {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
