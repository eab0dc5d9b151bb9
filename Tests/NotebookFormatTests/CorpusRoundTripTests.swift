import Foundation
import Testing
@testable import NotebookFormat

/// `quire fmt` must write every corpus notebook byte for byte as nbformat does. The reference is
/// computed here, by nbformat in `.venv`, so it cannot drift from the real library.
@Suite struct CorpusRoundTripTests {
    struct Reference: Decodable {
        let text: String?
        let error: String?
    }

    static let references: [String: Reference] = {
        let files = Repo.corpusNotebooks()
        let data = try! Repo.runPython("nbformat_roundtrip.py", arguments: files)
        return try! JSONDecoder().decode([String: Reference].self, from: data)
    }()

    /// nbformat makes up random ids for cells it upgrades; only those may differ.
    static func maskGeneratedIDs(_ text: String, when generated: Bool) -> String {
        guard generated else { return text }
        return text.replacingOccurrences(of: #""id": "[0-9a-f]{8}""#, with: #""id": "…""#, options: .regularExpression)
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.references.count >= 80)
        #expect(Self.references.values.filter { $0.text != nil }.count >= 75)
    }

    @Test(arguments: Repo.corpusNotebooks())
    func roundTripMatchesNbformat(path: String) throws {
        let ref = try #require(Self.references[path])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let expected = ref.text else {
            // nbformat could not read it or its validator rejects it: Quire must refuse too, clearly.
            #expect(throws: NotebookFormatError.self, "nbformat: \(ref.error ?? "")") {
                try Notebook.load(bytes, file: path, repairCellIDs: true)
            }
            return
        }
        let loaded = try Notebook.load(bytes, file: path, repairCellIDs: true)
        let original = try JSONValue.parse(bytes)
        let idsGenerated = original["nbformat"]?.intValue != 4
            || loaded.warnings.contains { $0.message.contains("no \"id\"") || $0.isDuplicateCellID }
        let written = String(decoding: loaded.notebook.serialized(), as: UTF8.self)
        #expect(Self.maskGeneratedIDs(written, when: idsGenerated) == Self.maskGeneratedIDs(expected, when: idsGenerated))
    }

    @Test func formattingIsIdempotent() throws {
        for path in Repo.corpusNotebooks() where Self.references[path]?.text != nil {
            let once = try Notebook.load(Data(contentsOf: URL(fileURLWithPath: path)), file: path, repairCellIDs: true).notebook.serialized()
            let twice = try Notebook.load(once, file: path).notebook.serialized()
            #expect(once == twice, "\(path)")
        }
    }
}
