import Foundation
import Testing

/// The comparisons must not be vacuous: normalisation hides volatile fields and nothing else.
@Suite("normalisers used by the run tests")
struct NormalisationTests {
    static func sample(text: String = "hi\n", start: String = "2026-01-01T00:00:00.000001+00:00",
                       count: Any = 1, quire: Bool = false) -> JSONObject {
        var meta: JSONObject = ["papermill": ["start_time": start, "duration": 0.5, "exception": NSNull(),
                                              "version": "2.7.0", "parameters": ["a": 1]] as JSONObject]
        if quire { meta["quire"] = ["run_id": UUID().uuidString] }
        let cell: JSONObject = [
            "cell_type": "code", "id": "c1", "execution_count": count, "source": "print('hi')",
            "metadata": ["papermill": ["start_time": start, "end_time": start, "duration": 0.1, "status": "completed",
                                       "exception": false] as JSONObject,
                         "execution": ["iopub.status.busy": start]] as JSONObject,
            "outputs": [["output_type": "stream", "name": "stdout", "text": text] as JSONObject],
        ]
        return ["cells": [cell], "metadata": meta, "nbformat": 4, "nbformat_minor": 5]
    }

    static func same(_ a: JSONObject, _ b: JSONObject) -> Bool {
        NotebookJSON.canonical(VolatileFields.normalise(a)) == NotebookJSON.canonical(VolatileFields.normalise(b))
    }

    @Test func volatileFieldsHidden() {
        #expect(Self.same(Self.sample(), Self.sample(start: "2027-02-02T01:01:01+00:00", quire: true)))
        #expect(Self.same(Self.sample(text: "at 0x7f3a2b1c9d0e\n"), Self.sample(text: "at 0x55d0c0ffee12\n")))
        #expect(Self.same(Self.sample(text: "/tmp/ipykernel_12/3456.py:2: Warning\n"),
                          Self.sample(text: "/tmp/ipykernel_98/7654.py:2: Warning\n")))
    }

    @Test func realDifferencesKept() {
        #expect(!Self.same(Self.sample(), Self.sample(text: "hj\n")))
        #expect(!Self.same(Self.sample(), Self.sample(count: 2)))
        #expect(!Self.same(Self.sample(), Self.sample(count: NSNull())))
    }

    @Test func nbclientRules() {
        let a: JSONObject = ["output_type": "display_data", "metadata": ["x": 1],
                             "data": ["image/svg+xml": "<svg a=\"1\" b=\"2\">\n <c/></svg>", "image/png": "iVBO\nRw0K"]]
        let b: JSONObject = ["output_type": "display_data",
                             "data": ["image/svg+xml": ["<svg b=\"2\" a=\"1\"><c/>", "</svg>"], "image/png": "iVBORw0K"]]
        #expect(NotebookJSON.canonical(OutputNormalisation.normalise(a)) == NotebookJSON.canonical(OutputNormalisation.normalise(b)))
        let e1: JSONObject = ["output_type": "error", "ename": "E", "evalue": "v",
                              "traceback": ["\u{1B}[31mE\u{1B}[0m", "Cell In[3], line 1", "E: v"]]
        let e2: JSONObject = ["output_type": "error", "ename": "E", "evalue": "v", "traceback": ["E: w"]]
        #expect(NotebookJSON.canonical(OutputNormalisation.normalise(e1)) != NotebookJSON.canonical(OutputNormalisation.normalise(e2)))
    }
}
