/// Quire's version, and the papermill behaviour its output notebooks follow.
public enum QuireVersion {
    public static let current = "0.2.0"
    /// Written as `metadata.papermill.version` when Quire creates that block, so tools reading it
    /// see which papermill behaviour the notebook follows.
    public static let papermillCompatible = "2.7.0"
}
