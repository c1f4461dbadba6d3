import ArgumentParser
import TriageKit

/// `--no-mask`, for every command that prints or writes evidence (the wizard; `scan` should
/// take it too): secrets are masked unless it is given, and turning masking off always warns.
struct MaskingOptions: ParsableArguments {
    @Flag(name: .customLong("no-mask"), help: "Do not mask secrets found in evidence (keys, tokens, cookies, passwords).")
    var noMask = false

    /// The masker to use; prints the warning when masking is off.
    func masker() -> SecretMasker { Self.masker(noMask: noMask) }

    /// The masker for `--no-mask` given or not; prints the warning when masking is off.
    static func masker(noMask: Bool) -> SecretMasker {
        if noMask {
            printError("apigw-triage: warning: --no-mask: secrets found in evidence are shown and written as they are.")
        }
        return SecretMasker.forOutput(masking: !noMask)
    }
}
