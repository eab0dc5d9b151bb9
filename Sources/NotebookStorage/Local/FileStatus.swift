import Foundation

/// `stat(2)` under a name that does not collide with `NotebookStore.stat` inside the stores.
func fileStatus(_ path: String, _ st: inout Glibc.stat) -> Int32 {
    stat(path, &st)
}
