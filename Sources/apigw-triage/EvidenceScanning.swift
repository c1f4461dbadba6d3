import TriageKit

/// The one place the commands get their evidence inspection from: the scanner over every
/// inspector, with secrets masked as files come in, so nothing downstream (screens, saved
/// sessions, reports) ever holds more of a secret than the masker leaves.
enum EvidenceScanning {
    static func inspection(masker: SecretMasker) -> EvidenceInspection {
        let scanner = EvidenceScanner()
        return EvidenceInspection { path in masker.mask(scanner.scan(path)) }
    }

    /// Inspection with the standard masker (training, where `--no-mask` does not apply).
    static var inspection: EvidenceInspection { inspection(masker: .standard) }
}
