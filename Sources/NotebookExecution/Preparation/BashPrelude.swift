/// bash_kernel drives an interactive bash through a terminal, whose history list records every
/// line (and is saved to `~/.bash_history` when the shell exits). A prelude line holds the run's
/// environment, secrets included, so it is read with history switched off.
enum BashPrelude {
    /// `command` on a line of its own, read while history is off, keeping `command`'s success or
    /// failure as the line's exit status (bash_kernel reports a non-zero status as an error).
    ///
    /// The first line (`set +o history`) is the only one recorded; the second is read while
    /// recording is off and turns it back on whichever way `command` went.
    static func quiet(_ command: String) -> String {
        "set +o history\nif \(command); then set -o history; else set -o history; false; fi"
    }
}
