/// Access to the content folder compiled into the binary (see `EmbedContentPlugin`).
public enum BuiltInContent {
    /// Every embedded file as (path relative to `Content/`, text).
    public static var files: [(path: String, text: String)] { EmbeddedContent.files }
}
