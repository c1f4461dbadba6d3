import Foundation
import TriageKit

/// The small content tree under Tests/Fixtures/content-small, loaded once per use.
enum SmallTree {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/content-small").path

    static func engine() throws -> Engine {
        Engine(tree: try ContentLoader.load(.directory(folder)))
    }
}
