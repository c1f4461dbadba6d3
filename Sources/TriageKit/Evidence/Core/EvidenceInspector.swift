/// The start of a file, read once and shown to every inspector to decide who understands it.
public struct EvidenceSample: Sendable {
    /// The path as the user gave it.
    public var path: String
    /// Up to the first 64 KiB, decoded as UTF-8 with invalid bytes replaced.
    public var head: String
    /// Whether the whole file fits in `head`.
    public var isComplete: Bool
    /// The file's size in bytes, when known (not for FIFOs).
    public var size: Int?

    public init(path: String, head: String, isComplete: Bool, size: Int?) {
        self.path = path
        self.head = head
        self.isComplete = isComplete
        self.size = size
    }
}

/// One kind of evidence file: recognises it by content (never by name), then reads it.
///
/// One type per file kind, in a file named after the type; `InspectorRegistry.all` lists them.
public protocol EvidenceInspector: Sendable {
    /// The evidence kind this inspector reads (a key of `EvidenceKind.all`).
    var kind: String { get }
    /// How sure the inspector is that the sample is its kind: nil for "not mine", else 0...100.
    /// The highest score wins, so a specific format (get-integration) beats a general one (any JSON).
    func detect(_ sample: EvidenceSample) -> Int?
    /// Reads the file (streaming, in bounded memory) and reports what it shows.
    func inspect(_ file: EvidenceFile) throws -> EvidenceReport
}
