/// Reads a file in which the AWS CLI printed an error instead of output, for commands no other
/// inspector claims: `An error occurred (AccessDeniedException) when calling the GetIntegration
/// operation: ...`. It names the command and what the error means (the caller may not read it,
/// the thing asked for does not exist), so the file is understood rather than "not recognised";
/// it proves no cause. An inspector whose command printed the error (get-policy) claims it first.
public struct CLIErrorInspector: EvidenceInspector {
    public let kind = "aws-cli-error"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        let pasted = DocumentSniffer.pasted(sample)
        guard pasted.error != nil, DocumentSniffer.json(sample) == nil else { return nil }
        return ConfigDetectionScore.possible
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind) { document in
            // The error was not the whole file after all: say what was there.
            ConfigInspection.unusable(
                document.path, kind: kind, problem: "it holds no `An error occurred` line from the AWS CLI",
                lines: document.lineCount)
        }
    }
}
