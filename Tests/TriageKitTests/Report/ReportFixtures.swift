import Foundation

/// Paths to the fixtures the report, masking and persistence tests read (`Tests/Fixtures/`).
enum ReportFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// The lines of a list file, without blank lines and `#` comments.
    static func list(_ relative: String) throws -> [String] {
        try text(relative).split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The evidence files of the planted-secrets corpus.
    static func secretCorpus() throws -> [(name: String, text: String)] {
        let folder = url("secrets")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0 != "planted-secrets.txt" && $0 != "readable.txt" }.sorted()
        return try names.map { ($0, try text("secrets/\($0)")) }
    }
}
