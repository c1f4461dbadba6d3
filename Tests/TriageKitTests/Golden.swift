import Foundation
import Testing

/// Golden files under `Tests/Fixtures` (e.g. `golden/outline-tree.txt`, `reports/502.md`), compared
/// exactly. `RECORD_GOLDEN=1 Scripts/test` rewrites them from the current output; review the diff.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func url(_ relativePath: String) -> URL { Fixtures.root.appendingPathComponent(relativePath) }

    /// Compares `actual` with the golden file at `relativePath` (under Tests/Fixtures), or records it.
    static func check(_ actual: String, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url(relativePath)
        if recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "differs from Tests/Fixtures/\(relativePath); RECORD_GOLDEN=1 rewrites it", sourceLocation: sourceLocation)
    }
}
