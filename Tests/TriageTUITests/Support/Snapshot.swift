import Foundation
import Testing
@testable import TriageTUI

/// Compares a rendered screen with its stored picture in `__Snapshots__/NAME.txt`.
///
/// `RECORD_SNAPSHOTS=1 swift test --filter TriageTUITests` writes the pictures instead (review the
/// diff before committing). A missing picture is written and the test fails, so a new screen is
/// never accepted unseen.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static var recording: Bool {
        let value = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] ?? ""
        return !value.isEmpty && value != "0"
    }

    static func assert(_ screen: RenderedScreen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = TextPicture.snapshot(of: screen)
        let file = folder.appendingPathComponent(name + ".txt")
        let stored = try? String(contentsOf: file, encoding: .utf8)
        if recording || stored == nil {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("No stored picture for \(name); wrote one. Review it and run again.", sourceLocation: sourceLocation)
            }
            return
        }
        if stored != actual {
            Issue.record(
                "Screen \(name) differs from its stored picture (RECORD_SNAPSHOTS=1 updates it).\n\(firstDifference(stored ?? "", actual))\nActual:\n\(actual)",
                sourceLocation: sourceLocation)
        }
    }

    private static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let old = index < left.count ? String(left[index]) : "<none>"
            let new = index < right.count ? String(right[index]) : "<none>"
            if old != new { return "First difference at line \(index + 1):\n- \(old)\n+ \(new)" }
        }
        return ""
    }
}
