import Foundation
import Testing
@testable import NotebookRendering

/// ANSI escape codes in streams and tracebacks become nbconvert's `ansi-*` spans.
@Suite struct ANSITests {
    @Test func basicColoursAndReset() {
        #expect(ANSIConverter.html("\u{1B}[31mred\u{1B}[0m plain") == "<span class=\"ansi-red-fg\">red</span> plain")
        #expect(ANSIConverter.html("\u{1B}[1;32mbold green\u{1B}[0m") == "<span class=\"ansi-green-intense-fg ansi-bold\">bold green</span>")
        #expect(ANSIConverter.html("\u{1B}[3;4mx\u{1B}[23my") == "<span class=\"ansi-italic ansi-underline\">x</span><span class=\"ansi-underline\">y</span>")
        #expect(ANSIConverter.html("\u{1B}[94;101mx") == "<span class=\"ansi-blue-intense-fg ansi-red-intense-bg\">x</span>")
        #expect(ANSIConverter.html("\u{1B}[38;5;196mx") == "<span style=\"color: rgb(255,0,0)\">x</span>")
        #expect(ANSIConverter.html("\u{1B}[38;2;1;2;3;48;5;2mx") == "<span class=\"ansi-green-bg\" style=\"color: rgb(1,2,3)\">x</span>")
    }

    @Test func textIsEscapedAndOtherSequencesDropped() {
        #expect(ANSIConverter.html("<b>&\u{1B}[2Kx") == "&lt;b&gt;&amp;x")
        #expect(ANSIConverter.strip("\u{1B}[0;31mValueError\u{1B}[0m: bad") == "ValueError: bad")
    }

    /// The same class names and nesting as nbconvert's own `ansi2html` (run from the venv).
    @Test func matchesNbconvert() throws {
        let samples = [
            "\u{1B}[0;31m---------------------------------------------------------------------------\u{1B}[0m",
            "\u{1B}[0;31mZeroDivisionError\u{1B}[0m                         Traceback (most recent call last)",
            "\u{1B}[0;32m----> 1\u{1B}[0m \u{1B}[38;5;241m0\u{1B}[39m \u{1B}[38;5;241m/\u{1B}[39m \u{1B}[38;5;241m0\u{1B}[39m",
            "\u{1B}[1;31mbold red\u{1B}[22m not bold \u{1B}[7minverse\u{1B}[27m \u{1B}[44mbg\u{1B}[49m end",
            "\u{1B}[93;45m x \u{1B}[38;2;10;20;30m rgb \u{1B}[38;5;250m grey \u{1B}[m reset",
            "\u{1B}[4munder\u{1B}[24m \u{1B}[90mdim \u{1B}[107mwhite\u{1B}[0m <tag> & amp",
        ]
        let script = "import sys, json\nfrom nbconvert.filters.ansi import ansi2html\nfor s in json.load(sys.stdin): print(json.dumps(ansi2html(s)))"
        let input = String(decoding: try JSONSerialization.data(withJSONObject: samples), as: UTF8.self)
        let lines = try Fixtures.python(script, input: input).split(separator: "\n")
        #expect(lines.count == samples.count)
        for (sample, line) in zip(samples, lines) {
            let expected = try JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) as! String
            #expect(ANSIConverter.html(sample) == expected, "\(sample.debugDescription)")
        }
    }
}
