/// Recognises source code — a CDK app, a function's own code, a diff of either — which is not
/// evidence of a 5xx, and says what to attach instead, rather than "not recognised":
/// - CDK (TypeScript/JavaScript, Python, Java, Go, C# importing the CDK): `cdk synth` output is a
///   CloudFormation template, which the wizard reads;
/// - a function's code: its log (`aws logs tail /aws/lambda/FN`) and the response it returned;
/// - a diff (`diff --git`, `@@ -1,3 +1,4 @@`): the same, from after the change, and when it was deployed.
///
/// Detection asks for two signals of one language at the start of lines, and scores low, so any
/// log or document format that also matches wins.
public struct SourceCodeInspector: EvidenceInspector {
    public let kind = "source-code"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard Self.gate(sample), !sample.head.contains("\u{0}"), !ConfigDocument.looksLikeJSON(sample.head) else { return nil }
        switch SourceCodeSniffer.classify(sample.head) {
        case .none: return nil
        case .some(.diff): return ConfigDetectionScore.possible
        case .some: return SourceCodeSniffer.lowScore
        }
    }

    /// Whether the sample can be source code: `SourceCodeSniffer.classify` needs a line starting
    /// with a hunk header (`@@ -`) or with a language's signal prefix, and those lines start at
    /// offset 0 or after a `\n`, with the same bytes (`SampleBytes`). Spares every log the split
    /// into lines and the prefix tests.
    static func gate(_ sample: EvidenceSample) -> Bool {
        SampleBytes.hasLine(in: sample.head, startingWithAnyOf: SourceCodeSniffer.gatePrefixes)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        let summary = try file.forEachRawLine { _ in true }
        guard let what = SourceCodeSniffer.classify(file.sample.head) else {
            let problem = "it does not look like source code"
            return EvidenceReport(
                path: file.path, kind: kind, description: "\(ConfigInspection.label(kind)), but \(problem)",
                lines: summary.lines, problems: ["It does not look like source code."])
        }
        return EvidenceReport(path: file.path, kind: kind, description: Self.describe(what), lines: summary.lines)
    }

    static func describe(_ what: SourceCodeSniffer.Source) -> String {
        switch what {
        case .cdk(let language):
            return "\(language) CDK app: source code, not evidence. Run `cdk synth` and give me the template it "
                + "writes (cdk.out/<Stack>.template.json): that is CloudFormation, which I read."
        case .function(let language, let handler):
            let named = handler.map { " (handler \($0))" } ?? ""
            return "\(language) source code\(named): source code, not evidence of what happened. Give me the function's "
                + "log instead (`aws logs tail /aws/lambda/FUNCTION --since 1h`) and the response the client got."
        case .diff(let files):
            let shown = files.isEmpty ? "" : " (\(files.prefix(3).joined(separator: ", "))\(files.count > 3 ? ", …" : ""))"
            return "a diff of source code\(shown): a change, not evidence. Give me the function's log and the response "
                + "from after the change, and when it was deployed (the first 5xx often follows it)."
        }
    }
}
