import Foundation

@testable import TriageKit

/// Fixture files (`Tests/Fixtures/<kind>/…`) and scratch files for the evidence tests.
enum EvidenceTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func fixture(_ relativePath: String) -> String {
        fixtures.appendingPathComponent(relativePath).path
    }

    /// Every fixture of the given kind folders, as `kind/name` paths in name order.
    static func fixtures(ofKinds kinds: [String]) -> [String] {
        kinds.flatMap { kind in
            let folder = fixtures.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { "\(kind)/\($0)" }
        }
    }

    /// Scans a fixture with every registered inspector, as `apigw-triage scan` does.
    static func scan(_ relativePath: String) -> EvidenceReport {
        EvidenceScanner().scan(fixture(relativePath))
    }

    /// A new empty folder under the system's temporary folder, removed by `body`'s end.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigw-triage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Scans `text` written to a scratch file named `name`, as `apigw-triage scan` would.
    static func scan(text: String, named name: String = "bad.json") throws -> EvidenceReport {
        try withTemporaryDirectory { folder in
            EvidenceScanner().scan(try write(Data(text.utf8), named: name, in: folder))
        }
    }

    /// Writes `data` to a new file in `folder`.
    @discardableResult
    static func write(_ data: Data, named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Writes a file of one line: `prefix`, then `repeating` bytes up to `size` bytes in all, in
    /// 1 MiB pieces so the test itself stays small in memory.
    static func writeSingleLine(prefix: String, repeating byte: UInt8, size: Int, named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(prefix.utf8))
        let piece = Data(repeating: byte, count: 1 << 20)
        var written = prefix.utf8.count
        while written < size {
            let count = min(piece.count, size - written)
            try handle.write(contentsOf: piece.prefix(count))
            written += count
        }
        return url.path
    }

    /// Every fixture's first 64 KiB, as the scanner shows it to the inspectors.
    static func fixtureSamples() -> [EvidenceSample] {
        let root = EvidenceTestSupport.fixtures
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var samples: [EvidenceSample] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let head = data.prefix(64 * 1024)
            samples.append(
                EvidenceSample(path: url.path, head: String(decoding: head, as: UTF8.self), isComplete: head.count == data.count, size: data.count))
        }
        return samples
    }
}
