import Foundation
import Testing

/// Golden files under `Tests/Fixtures/golden`: compared exactly; `RECORD_GOLDEN=1` rewrites
/// them from the current output (then review the diff before committing).
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func url(_ name: String) -> URL { Fixtures.root.appendingPathComponent("golden").appendingPathComponent(name) }

    /// Compares `actual` with the golden file, or records it.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url(name)
        if recording {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "differs from golden/\(name); RECORD_GOLDEN=1 rewrites it", sourceLocation: sourceLocation)
    }
}
