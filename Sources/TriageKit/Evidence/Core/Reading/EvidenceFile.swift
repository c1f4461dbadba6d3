import Foundation

/// An opened evidence file for an inspector to read: the path, the sample, and the bytes.
///
/// Inspectors that stream (logs) call `forEachLine`; inspectors of JSON and YAML documents call
/// `contents(limit:)`, which refuses files beyond the limit instead of exhausting memory.
public struct EvidenceFile: Sendable {
    public var path: String
    public var sample: EvidenceSample

    public init(path: String, sample: EvidenceSample) {
        self.path = path
        self.sample = sample
    }
}
