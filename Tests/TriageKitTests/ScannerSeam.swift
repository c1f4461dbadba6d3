import Foundation
import Testing
@testable import TriageKit

/// Where the scenario tests get evidence inspection and the built-in tree from.
///
/// This branch has neither the inspectors (issue 3) nor the decision tree (Content/tree and
/// Content/fixes), so the tests that need them are skipped with a message saying so. When they
/// land, `inspection` becomes the real scanner and `rank` the `scan` command's own ordering of
/// diagnoses; nothing else in the tests changes.
enum ScannerSeam {
    static let inspection = EvidenceInspection { EvidenceScanner().scan($0) }

    static var isAvailable: Bool { inspection.isAvailable }

    /// The causes a scan of these reports names, most significant first: most requests first,
    /// then the higher confidence, then the id (stable). Replace with `scan`'s ordering if it differs.
    static func rank(_ reports: [EvidenceReport]) -> [String] {
        ScanSummary(reports: reports).diagnoses.map(\.cause)
    }

    /// The built-in content, when it loads without issues (the tree is written on another branch).
    static let builtInTree: DecisionTree? = try? ContentLoader.load(
        .directory(Fixtures.packageRoot.appendingPathComponent("Content").path))

    static let scannerMissing: Comment = "needs the evidence scanner (issue 3); wire it in ScannerSeam.inspection"
    static let treeOrScannerMissing: Comment =
        "needs the evidence scanner (issue 3) and a built-in tree that loads clean (Content/tree, Content/fixes)"
}
