import Foundation
import NotebookFormat

/// Notebooks made by the tests, in nbformat's canonical layout.
enum SampleNotebooks {
    /// A small valid notebook with non-ASCII text everywhere a user might put it.
    static func unicode(_ tag: String = "") -> [UInt8] {
        let json = #"""
        {"cells": [
          {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Überschrift — 日本語 ✓ \#(tag)\n\nÉmoji: 🧪"},
          {"cell_type": "code", "id": "c1", "execution_count": 1, "metadata": {},
           "source": "print('héllo wörld')",
           "outputs": [{"name": "stdout", "output_type": "stream", "text": "héllo wörld ∑ 𝔘\n"}]}
        ], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}
        """#
        return try! Notebook.load(Array(json.utf8)).notebook.serialized()
    }

    /// A notebook with one stream output of about `megabytes` MB of mixed-script text.
    static func large(megabytes: Int) -> [UInt8] {
        let line = "line ✓ ünïcödé 日本語 0123456789 abcdefghijklmnopqrstuvwxyz\\n"
        let count = megabytes * 1_000_000 / line.utf8.count
        var text = ""
        text.reserveCapacity(megabytes * 1_000_000 + 100)
        for _ in 0..<count { text += line }
        let json = #"{"cells": [{"cell_type": "code", "id": "big", "execution_count": 1, "metadata": {}, "source": "big()", "outputs": [{"name": "stdout", "output_type": "stream", "text": ""# + text + #""}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#
        return try! Notebook.load(Array(json.utf8)).notebook.serialized()
    }
}
