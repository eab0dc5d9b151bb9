/// How a notebook is rendered.
public struct RenderOptions: Sendable {
    /// Colour scheme of the page: follow the browser (`prefers-color-scheme`), or force one.
    public enum Theme: String, Sendable, CaseIterable {
        case auto, light, dark
    }

    /// Hide every code input, as papermill's report mode means (`metadata.jupyter.source_hidden`
    /// is honoured per cell regardless).
    public var hideInputs: Bool
    /// Honour the cell tags `remove-cell`, `remove-input`, `remove-output` (left out of the page)
    /// and `hide-input`, `hide-output` (collapsed, one click to show). `_` spellings count too.
    public var honourTags: Bool
    /// A single self-contained file: every image inline, no asset references.
    public var standalone: Bool
    public var theme: Theme
    /// Images whose stored (base64) size exceeds this many bytes are asked of `resourceURL`
    /// instead of being inlined. Nil: always inline.
    public var inlineImageLimit: Int?
    /// Gives the URL serving output `output` of cell `cell` as `mime`, for images over
    /// `inlineImageLimit`; nil falls back to inlining.
    public var resourceURL: (@Sendable (_ cell: Int, _ output: Int, _ mime: String) -> String?)?
    /// Prepended to every id the renderer writes (`cell-3` → `PREFIXcell-3`), for pages showing
    /// several notebooks.
    public var anchorPrefix: String
    /// Where a server serves browser assets (`/assets`): pages then load `highlight.js` and
    /// `highlight.css` from there. Nil (and standalone pages): none, the page reads fine without.
    public var assetBase: String?
    /// Show papermill's run metadata: parameters header, per-cell status and duration.
    public var showRunMetadata: Bool
    /// Gives the URL serving output `output` of cell `cell` as its own sandboxed document (see
    /// `NotebookRenderer.frameDocument`), so a server can let its scripts run under a separate,
    /// permissive policy; nil (and standalone pages) embed the document with `srcdoc`.
    public var frameURL: (@Sendable (_ cell: Int, _ output: Int) -> String?)?

    public init(hideInputs: Bool = false, honourTags: Bool = true, standalone: Bool = false, theme: Theme = .auto,
                inlineImageLimit: Int? = nil,
                resourceURL: (@Sendable (_ cell: Int, _ output: Int, _ mime: String) -> String?)? = nil,
                anchorPrefix: String = "", assetBase: String? = nil, showRunMetadata: Bool = true,
                frameURL: (@Sendable (_ cell: Int, _ output: Int) -> String?)? = nil) {
        self.hideInputs = hideInputs
        self.honourTags = honourTags
        self.standalone = standalone
        self.theme = theme
        self.inlineImageLimit = inlineImageLimit
        self.resourceURL = resourceURL
        self.anchorPrefix = anchorPrefix
        self.assetBase = assetBase
        self.showRunMetadata = showRunMetadata
        self.frameURL = frameURL
    }
}
