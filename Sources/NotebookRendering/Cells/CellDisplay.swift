import NotebookFormat

/// What of a cell is shown, from options, tags and `metadata.jupyter`.
struct CellDisplay {
    enum Part { case shown, collapsed, removed }

    var cellRemoved = false
    var input = Part.shown
    var outputs = Part.shown

    init(_ cell: Cell, options: RenderOptions) {
        let jupyter = cell.metadata["jupyter"]?.objectValue
        if jupyter?["source_hidden"]?.boolValue == true { input = .collapsed }
        if jupyter?["outputs_hidden"]?.boolValue == true { outputs = .collapsed }
        if options.honourTags {
            // Jupyter Book spells them with `-`, nbconvert's examples with `_`.
            let tags = Set(cell.tags.map { $0.lowercased().replacingOccurrences(of: "_", with: "-") })
            if tags.contains("hide-input") { input = .collapsed }
            if tags.contains("hide-output") { outputs = .collapsed }
            if tags.contains("remove-input") { input = .removed }
            if tags.contains("remove-output") { outputs = .removed }
            if tags.contains("remove-cell") { cellRemoved = true }
        }
        if options.hideInputs, cell.isCode { input = .removed }
    }
}
