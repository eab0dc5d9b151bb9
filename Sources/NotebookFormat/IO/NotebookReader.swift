import Foundation

/// A notebook read from bytes, with what the reader noticed but did not refuse.
public struct LoadedNotebook: Sendable {
    public var notebook: Notebook
    /// Problems that do not stop reading (a 4.5 cell without id, or every schema error in lenient mode).
    public var warnings: [ValidationIssue]
    /// The major version found in the file (3 or 2 when the notebook was upgraded).
    public var originalMajor: Int
}

extension Notebook {
    /// Reads a notebook the way `nbformat.read(f, as_version=4)` does: any 4.x as is, 2 and 3 upgraded
    /// to 4.5, multiline text joined, missing 4.5 cell ids generated. In strict mode (the default) a
    /// schema violation throws `.invalid` with every problem; lenient mode returns them as warnings,
    /// as nbformat logs them and carries on.
    ///
    /// `repairCellIDs` replaces duplicate cell ids with fresh ones (with a warning), as nbformat's reader
    /// does silently; without it a duplicate id is an error.
    public static func load(_ bytes: some Collection<UInt8>, file: String = "<notebook>", strict: Bool = true,
                            repairCellIDs: Bool = false) throws(NotebookFormatError) -> LoadedNotebook
    {
        let doc: JSONValue
        do { doc = try JSONValue.parse(bytes) } catch { throw .notJSON(file: file, error) }
        return try load(document: doc, file: file, strict: strict, repairCellIDs: repairCellIDs)
    }

    static func load(document doc: JSONValue, file: String, strict: Bool, repairCellIDs: Bool)
        throws(NotebookFormatError) -> LoadedNotebook
    {
        guard var top = doc.objectValue else {
            throw .invalid(file: file, issues: [ValidationIssue(path: "", message: "expected a notebook object, found \(doc.shortDescription)")])
        }
        let major: Int
        switch top["nbformat"] {
        case nil:
            throw .invalid(file: file, issues: [ValidationIssue(path: "", message: "missing \"nbformat\" (the notebook format version, 4)")])
        case .int(let v)?: major = v
        case let other?:
            throw .invalid(file: file, issues: [ValidationIssue(path: "nbformat", message: "expected an integer, found \(other.shortDescription)")])
        }
        switch major {
        case 4:
            if top["nbformat_minor"] == nil {
                throw .invalid(file: file, issues: [ValidationIssue(path: "", message: "the notebook is missing the required member \"nbformat_minor\"")])
            }
        case 2, 3:
            do { top = try V3Upgrade.upgrade(top) } catch {
                let what = switch error {
                case .missing(let k): "cannot upgrade nbformat \(major) to 4: the notebook has no \"\(k)\""
                case .notObject(let k): "cannot upgrade nbformat \(major) to 4: \"\(k)\" is not an object"
                }
                throw .invalid(file: file, issues: [ValidationIssue(path: "", message: what)])
            }
        default:
            throw .unsupportedVersion(file: file, found: "\(major)")
        }
        stripTransient(&top)
        let issues = NotebookValidator.validate(.object(top)).map { issue in
            guard repairCellIDs, issue.isDuplicateCellID else { return issue }
            return ValidationIssue(path: issue.path, message: issue.message + "; replaced by a new id", severity: .warning)
        }
        if strict, issues.contains(where: { $0.severity == .error }) {
            throw .invalid(file: file, issues: issues.filter { $0.severity == .error })
        }
        var nb = Notebook(validatedJSON: top)
        if nb.hasCellIDs { nb.assignMissingIDs() }
        return LoadedNotebook(notebook: nb, warnings: strict ? issues : issues.map {
            ValidationIssue(path: $0.path, message: $0.message, severity: .warning)
        }, originalMajor: major)
    }

    /// Reads and checks a notebook file (see `load(_:file:strict:)`).
    public static func read(contentsOf path: String, strict: Bool = true, repairCellIDs: Bool = false)
        throws(NotebookFormatError) -> LoadedNotebook
    {
        // Parse while the file is mapped, giving pages back as the parser moves on; everything
        // after parsing works on the JSON value alone.
        let doc = try FileBytes.withContents(of: path) { (bytes, release) throws(NotebookFormatError) -> JSONValue in
            do throws(JSONParseError) { return try JSONParser.parse(bytes, consumed: release) } catch { throw .notJSON(file: path, error) }
        }
        return try load(document: doc, file: path, strict: strict, repairCellIDs: repairCellIDs)
    }

    /// Values nbformat treats as transient are removed before validation, as its reader does.
    static func stripTransient(_ top: inout JSONObject) {
        if var meta = top["metadata"]?.objectValue {
            for k in ["orig_nbformat", "orig_nbformat_minor", "signature"] { meta.removeValue(forKey: k) }
            top["metadata"] = .object(meta)
        }
        guard case .array(var cells)? = top["cells"] else { return }
        for i in cells.indices {
            guard var cell = cells[i].objectValue, var meta = cell["metadata"]?.objectValue,
                  meta.removeValue(forKey: "trusted") != nil else { continue }
            cell["metadata"] = .object(meta)
            cells[i] = .object(cell)
        }
        top["cells"] = .array(cells)
    }

    /// Gives every cell without an id a fresh one, and a duplicate id a new one, as nbformat's normalize does.
    public mutating func assignMissingIDs() {
        var seen = Set<String>()
        for i in cells.indices {
            if let id = cells[i].id, seen.insert(id).inserted { continue }
            var id = CellID.random()
            while seen.contains(id) { id = CellID.random() }
            cells[i].id = id
            seen.insert(id)
        }
    }
}
