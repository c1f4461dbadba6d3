import Foundation

@testable import TriageKit

/// Opens the configuration fixtures under `Tests/Fixtures/<kind>/` the way the scanner will: an
/// `EvidenceFile` with a sample of the first 64 KiB. (The registry and scanner live on another branch,
/// so these tests build the file themselves.)
enum ConfigFixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The kinds whose fixtures the configuration inspectors own.
    static let kinds = [
        "lambda-response", "get-integration", "get-method", "get-stage", "export", "apigatewayv2-integration",
        "lambda-policy", "lambda-configuration", "template",
        "terraform", "serverless", "framework-config",
    ]

    static func url(_ kind: String, _ name: String) -> URL {
        root.appendingPathComponent(kind).appendingPathComponent(name)
    }

    static func file(_ kind: String, _ name: String) -> EvidenceFile {
        file(at: url(kind, name))
    }

    static func file(at url: URL) -> EvidenceFile {
        EvidenceFile(path: url.path, sample: sample(at: url))
    }

    static func sample(at url: URL, headLimit: Int = 64 * 1024) -> EvidenceSample {
        let data = (try? Data(contentsOf: url)) ?? Data()
        let head = data.prefix(headLimit)
        return EvidenceSample(
            path: url.path, head: String(decoding: head, as: UTF8.self), isComplete: head.count == data.count,
            size: data.count)
    }

    /// Every fixture file of every configuration kind, with its kind.
    static func all() -> [(kind: String, url: URL)] {
        kinds.flatMap { kind in
            let folder = root.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { (kind, folder.appendingPathComponent($0)) }
        }
    }

    /// One folder per test process for `temporary` files, removed when the process exits (the
    /// callers keep only the `EvidenceFile`, so they cannot remove their own files).
    private static let scratch: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-fixture-\(getpid())-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: ConfigFixture.scratch) }
        return folder
    }()

    /// A file with `text` in a fresh folder inside the process's scratch folder.
    static func temporary(_ text: String, name: String = "evidence.json") throws -> EvidenceFile {
        let folder = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return file(at: url)
    }

    /// A fixture's text.
    static func text(_ kind: String, _ name: String) -> String {
        (try? String(contentsOf: url(kind, name), encoding: .utf8)) ?? ""
    }

    /// The line number (1-based) of the first line of a fixture containing `text`.
    static func line(of text: String, in kind: String, _ name: String) -> Int? {
        Self.text(kind, name).split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
            .map { $0 + 1 }
    }
}
