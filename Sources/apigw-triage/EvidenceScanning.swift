import TriageKit

/// The one place the commands get their evidence inspection from.
///
/// This build has no inspectors, so files are offered but not inspected (`unavailable` says so
/// in every report). When the scanner lands, wrap it here: `EvidenceInspection { path in ... }`.
enum EvidenceScanning {
    static var inspection: EvidenceInspection { .unavailable }
}
