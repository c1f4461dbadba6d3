/// Placeholder replaced below.
public struct SourceCodeInspector: EvidenceInspector {
    public let kind = "source-code"
    public init() {}
    public func detect(_ sample: EvidenceSample) -> Int? { nil }
    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport { EvidenceReport(path: file.path, kind: kind, description: "") }
}
