/// Placeholder replaced below.
public struct FrameworkConfigInspector: EvidenceInspector {
    public let kind = "framework-config"
    public init() {}
    public func detect(_ sample: EvidenceSample) -> Int? { nil }
    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport { EvidenceReport(path: file.path, kind: kind, description: "") }
}
