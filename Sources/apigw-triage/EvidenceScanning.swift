import TriageKit

/// The one place the commands get their evidence inspection from: the scanner over every
/// inspector, which masks secrets as files come in (`EvidenceScanner.masker`), so nothing
/// downstream (screens, saved sessions, reports) ever holds more of a secret than the masker leaves.
enum EvidenceScanning {
    static func inspection(masker: SecretMasker) -> EvidenceInspection {
        let scanner = scanner(masker: masker)
        return EvidenceInspection { path in scanner.scan(path) }
    }

    /// The scanner every command uses (`scan` too), masking with `masker`.
    static func scanner(masker: SecretMasker) -> EvidenceScanner {
        EvidenceScanner(masker: masker)
    }

    /// Inspection with the standard masker (training, where `--no-mask` does not apply).
    static var inspection: EvidenceInspection { inspection(masker: .standard) }
}
