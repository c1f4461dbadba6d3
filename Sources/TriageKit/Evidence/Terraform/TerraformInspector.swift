import Foundation

/// Reads Terraform: `.tf` files (HCL, with `HCLReader`) and `terraform show -json` / saved-plan /
/// state JSON, and applies the shared configuration checks to the API Gateway, Lambda and IAM
/// resources they define (`TerraformReview` lists them).
///
/// Detection is by content: HCL whose first statement is HCL-shaped and which declares AWS
/// resources or data sources at the start of a line; JSON with `format_version` or
/// `terraform_version` and resource values. References are resolved within the one file; what it
/// cannot settle is listed in the report's problems.
public struct TerraformInspector: EvidenceInspector {
    public let kind = "terraform"

    public init() {}

    /// Resource types whose presence makes a `.tf` file this wizard's business.
    static let apiResourcePrefixes = [
        "aws_api_gateway_", "aws_apigatewayv2_", "aws_lambda_", "aws_iam_role",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        if let root = DocumentSniffer.json(sample) {
            return TerraformPlan.isPlan(root) ? ConfigDetectionScore.certain : nil
        }
        guard HCLSniffer.gate(sample.head), !ConfigDocument.looksLikeJSON(sample.head), !sample.head.contains("\u{0}")
        else { return nil }
        return HCLSniffer.score(sample.head)
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        let data = try file.contents()
        if HCLLineIndex.containsNUL(data) {
            return ConfigInspection.unusable(
                file.path, kind: kind, problem: "the file holds binary data (NUL bytes), not Terraform text", lines: 0)
        }
        let text = String(decoding: data, as: UTF8.self)
        if ConfigDocument.looksLikeJSON(text) {
            switch ConfigDocument.parse(text, path: file.path, as: .json) {
            case .document(let document) where TerraformPlan.isPlan(document.root):
                return inspectPlan(document)
            case .document(let document):
                return ConfigInspection.unusable(
                    file.path, kind: kind, problem: "it is JSON but not terraform show -json output or a state file",
                    lines: document.lineCount)
            case .unusable(let problem, let lines):
                return ConfigInspection.unusable(file.path, kind: kind, problem: problem, lines: lines)
            case .cliError(let error, let pasted, let lines):
                return ConfigInspection.cliError(
                    CLIErrorOutput(path: file.path, error: error, pasted: pasted, lines: lines), kind: kind)
            }
        }
        if text.allSatisfy(\.isWhitespace) {
            return ConfigInspection.unusable(file.path, kind: kind, problem: "the file is empty", lines: 0)
        }
        return inspectHCL(text, path: file.path)
    }

    func inspectHCL(_ text: String, path: String) -> EvidenceReport {
        let hcl = HCLReader.read(text)
        var resources: [TerraformResource] = []
        for block in hcl.blocks {
            switch (block.type, block.labels.count) {
            case ("resource", 2...), ("data", 2...):
                resources.append(
                    TerraformResource(
                        type: block.labels[0], name: block.labels[1], isData: block.type == "data", line: block.line,
                        values: block.body))
            case ("provider", 1...):
                resources.append(
                    TerraformResource(type: "provider", name: block.labels[0], isData: false, line: block.line, values: block.body))
            default:
                continue
            }
        }
        let document = ConfigDocument(
            path: path, format: .yaml, root: DocumentNode(.object([]), line: 1), lines: HCLLineIndex.lines(text),
            byteCount: text.utf8.count)
        return report(document, resources: resources, label: "HCL", problems: hcl.problems.map { Self.sentence($0) })
    }

    func inspectPlan(_ document: ConfigDocument) -> EvidenceReport {
        let label = TerraformPlan.isState(document.root) ? "state file" : "terraform show -json"
        return report(document, resources: TerraformPlan.resources(document.root), label: label, problems: [])
    }

    /// The checks pair resources with each other, so their cost grows with the square of the
    /// count: a file beyond this is checked in part (real files hold far fewer).
    static let maximumResources = 2_500

    private func report(
        _ document: ConfigDocument, resources all: [TerraformResource], label: String, problems: [String]
    ) -> EvidenceReport {
        var problems = problems
        let resources = Array(all.prefix(Self.maximumResources))
        if all.count > resources.count {
            problems.append("Only the first \(resources.count) of \(all.count) resources were checked.")
        }
        var review = TerraformReview(document: document, configuration: TerraformConfiguration(resources: resources))
        review.run()
        var collector = FindingCollector()
        collector.add(review.findings)
        let unresolved = review.configuration.notUnderstood
        if !unresolved.isEmpty {
            let shown = unresolved.prefix(5).map { "\($0.text) (line \($0.line))" }.joined(separator: ", ")
            let more = unresolved.count > 5 ? ", …" : ""
            problems.append(
                "\(CountText.counted(unresolved.count, "expression")) not understood (defined outside this file, or "
                    + "only known once applied): \(shown)\(more).")
        }
        return EvidenceReport(
            path: document.path, kind: kind, description: Self.describe(all, label: label),
            lines: document.lineCount, findings: collector.findings, facts: review.facts.facts, problems: problems)
    }

    static func describe(_ resources: [TerraformResource], label: String) -> String {
        let managed = resources.filter { !$0.isData && $0.type != "provider" }
        var parts = ["Terraform (\(label))", ConfigInspection.counted(managed.count, "resource")]
        let counted: [(String, [String])] = [
            ("Lambda function", ["aws_lambda_function"]),
            ("REST integration", ["aws_api_gateway_integration"]),
            ("HTTP/WebSocket integration", ["aws_apigatewayv2_integration"]),
            ("invoke permission", ["aws_lambda_permission"]),
            ("IAM role", ["aws_iam_role"]),
            ("authorizer", ["aws_api_gateway_authorizer", "aws_apigatewayv2_authorizer"]),
        ]
        for (name, types) in counted {
            let count = managed.filter { types.contains($0.type) }.count
            if count > 0 { parts.append(ConfigInspection.counted(count, name)) }
        }
        if !managed.contains(where: { type in apiResourcePrefixes.contains { type.type.hasPrefix($0) } }) {
            parts.append("none of them API Gateway, Lambda or IAM roles, so it says nothing about a 5xx")
        }
        return parts.joined(separator: ", ")
    }

    static func sentence(_ problem: String) -> String {
        "Not read as Terraform: " + problem + "."
    }
}
