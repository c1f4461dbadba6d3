import Foundation

/// Reads what a Lambda function returned to a proxy integration (a JSON file, for instance the
/// `Endpoint response body before transformations` of an execution log) and checks it against the
/// response rules of REST APIs and HTTP API payload formats 1.0 and 2.0.
///
/// - Each broken rule is named exactly (`body is an object, not a string`) with its line.
/// - When the API type is not known, every format is checked and the finding says which formats the
///   response breaks; a break that only some formats see lowers the confidence one step.
/// - A Lambda error object instead of a response is a function error (`lambda-timeout` for
///   `Task timed out`, `lambda-response-too-large` for `Function.ResponseSizeTooLarge`), and
///   Lambda's throttle and service error bodies are recognised too.
/// - Over Lambda's 6 MB response limit → `lambda-response-too-large`; over API Gateway's 10 MB →
///   `payload-too-large` as well.
/// - A valid response gives no finding; the description says it is valid and for which formats.
public struct LambdaResponseInspector: EvidenceInspector {
    public let kind = "lambda-response"
    /// The format to check against, when the API type is known; nil checks all three.
    public var format: ProxyResponseFormat?

    public init(format: ProxyResponseFormat? = nil) {
        self.format = format
    }

    /// Lambda's synchronous response limit, as its own error message states it.
    static let lambdaLimit = 6_291_556
    /// API Gateway's payload quota (10 MB).
    static let apiGatewayLimit = 10_485_760

    static let proxyKeys: Set<String> = ProxyResponseRules.version1Keys.union(ProxyResponseRules.version2Keys)
    /// Keys that mean another document: test-invoke-method output, an integration response, CLI output.
    static let foreignKeys: Set<String> = [
        "log", "latency", "selectionPattern", "responseTemplates", "responseParameters", "Policy", "FunctionName",
        "httpMethod", "uri", "methodResponses", "Items",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample) else { return nil }
        if root.string != nil { return ConfigDetectionScore.weak }
        guard root.isObject, Self.foreignKeys.isDisjoint(with: root.keys) else { return nil }
        if let error = LambdaErrorPayload(root) {
            return error.isCertain ? ConfigDetectionScore.likely : ConfigDetectionScore.possible
        }
        let keys = Set(root.keys)
        guard !keys.isDisjoint(with: Self.proxyKeys) else { return nil }
        if keys.contains("statusCode") {
            return keys.contains("body") || keys.contains("headers")
                ? ConfigDetectionScore.likely : ConfigDetectionScore.likely - 10
        }
        return ConfigDetectionScore.possible
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        // Too large to read at all: the size alone says Lambda would have refused it.
        if let size = file.sample.size, size > EvidenceFile.documentLimit {
            return EvidenceReport(
                path: file.path, kind: kind, description: Text.tooLargeToRead(size),
                findings: sizeFindings(size: size, document: nil), problems: [Text.notRead(size)])
        }
        return try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        var findings = sizeFindings(size: document.byteCount, document: document)
        let formats = format.map { [$0] } ?? ProxyResponseFormat.allCases

        if let error = LambdaErrorPayload(root) {
            findings.append(errorFinding(error, document: document))
            return report(document, Text.errorObject(error), findings)
        }

        var brokenFormats: [ProxyResponseFormat: [ProxyResponseViolation]] = [:]
        for candidate in formats {
            let violations = ProxyResponseRules.violations(of: root, format: candidate)
            if !violations.isEmpty { brokenFormats[candidate] = violations }
        }
        let validFormats = formats.filter { brokenFormats[$0] == nil }
        if let malformed = formatFinding(brokenFormats, candidates: formats, document: document) {
            findings.append(malformed)
        }
        findings += statusFindings(root, document: document, validFormats: validFormats)
        return report(document, Text.verdict(root, valid: validFormats, broken: formats.filter { brokenFormats[$0] != nil }), findings)
    }

    // MARK: - Findings

    /// One `lambda-response-format` finding listing every broken rule, and the formats it breaks.
    private func formatFinding(
        _ broken: [ProxyResponseFormat: [ProxyResponseViolation]], candidates: [ProxyResponseFormat],
        document: ConfigDocument
    ) -> Finding? {
        guard !broken.isEmpty else { return nil }
        // The same rule broken under several formats is one problem.
        var rules: [(violation: ProxyResponseViolation, formats: [ProxyResponseFormat])] = []
        for candidate in candidates {
            for violation in broken[candidate] ?? [] {
                if let index = rules.firstIndex(where: { $0.violation.rule == violation.rule }) {
                    rules[index].formats.append(candidate)
                } else {
                    rules.append((violation, [candidate]))
                }
            }
        }
        let confidence = rules.map { rule in
            rule.formats.count == candidates.count ? rule.violation.confidence : rule.violation.confidence.lowered
        }.max() ?? .low
        // Name the formats of a rule only when they differ from those the summary already names.
        let brokenFormats = candidates.filter { broken[$0] != nil }
        let details = rules.map { rule in
            rule.formats == brokenFormats
                ? rule.violation.detail : "on \(Text.formats(rule.formats)), \(rule.violation.detail)"
        }
        // The client's status is known when every broken format answers the same way.
        let statuses = Set(broken.keys.map(\.failureStatus))
        return Finding(
            cause: "lambda-response-format", status: statuses.count == 1 ? statuses.first : nil,
            confidence: confidence, count: rules.count,
            evidence: rules.prefix(FindingCollector.evidenceLimit).map {
                document.evidence(line: $0.violation.line, focus: $0.violation.key)
            },
            summary: Text.malformed(details: details, broken: brokenFormats))
    }

    private func errorFinding(_ error: LambdaErrorPayload, document: ConfigDocument) -> Finding {
        let status: Int? = switch error.cause {
        case "backend-throttling", "lambda-service-error": 500
        default: format?.failureStatus
        }
        return Finding(
            cause: error.cause, status: status, confidence: error.isCertain ? .high : .medium,
            evidence: [document.evidence(line: error.line, focus: error.key)], summary: Text.errorSummary(error))
    }

    /// A valid response whose own statusCode is a 5xx: the function chose it.
    private func statusFindings(
        _ root: DocumentNode, document: ConfigDocument, validFormats: [ProxyResponseFormat]
    ) -> [Finding] {
        guard !validFormats.isEmpty, let member = root.member("statusCode"), let status = member.value.integer,
            (500...599).contains(status)
        else { return [] }
        let evidence = [document.evidence(line: member.line, focus: "statusCode")]
        if status == 503 {
            return [
                Finding(
                    cause: "backend-unavailable", status: 503, confidence: .medium, evidence: evidence,
                    summary: Text.functionReturned503)
            ]
        }
        return [
            Finding(
                cause: "lambda-function-error", status: status, confidence: .low, evidence: evidence,
                summary: Text.functionReturned(status))
        ]
    }

    private func sizeFindings(size: Int, document: ConfigDocument?) -> [Finding] {
        let evidence = document.map { [$0.evidence(line: 1)] } ?? []
        var findings: [Finding] = []
        if size > Self.lambdaLimit {
            findings.append(
                Finding(
                    cause: "lambda-response-too-large", status: format?.failureStatus ?? 502, confidence: .high,
                    evidence: evidence, summary: Text.overLambdaLimit(size)))
        }
        if size > Self.apiGatewayLimit {
            findings.append(
                Finding(
                    cause: "payload-too-large", status: 500, confidence: .medium, evidence: evidence,
                    summary: Text.overGatewayLimit(size)))
        }
        return findings
    }

    private func report(_ document: ConfigDocument, _ description: String, _ findings: [Finding]) -> EvidenceReport {
        var collector = FindingCollector()
        collector.add(findings)
        return EvidenceReport(
            path: document.path, kind: kind, description: description, lines: document.lineCount,
            findings: collector.findings)
    }
}

extension Confidence {
    /// One step less sure (low stays low).
    fileprivate var lowered: Confidence {
        switch self {
        case .high: .medium
        case .medium, .low: .low
        }
    }
}

extension LambdaResponseInspector {
    /// The words of this inspector, kept together.
    enum Text {
        static func formats(_ formats: [ProxyResponseFormat]) -> String {
            let labels = formats.map(\.label)
            if Set(formats) == [.rest, .httpPayload1] { return "REST and HTTP API payload 1.0" }
            guard let last = labels.last, labels.count > 1 else { return labels.first ?? "" }
            return labels.dropLast().joined(separator: ", ") + " and " + last
        }

        static func malformed(details: [String], broken: [ProxyResponseFormat]) -> String {
            "The function's output is not a valid proxy response for \(formats(broken)) "
                + "(502 on REST, 500 on HTTP APIs): \(details.joined(separator: "; "))."
        }

        static func verdict(_ root: DocumentNode, valid: [ProxyResponseFormat], broken: [ProxyResponseFormat]) -> String {
            var shape = "Lambda proxy response"
            if let status = root["statusCode"]?.scalarText { shape += ", statusCode \(status)" }
            if broken.isEmpty { return "\(shape), valid for \(formats(valid))" }
            if valid.isEmpty { return "\(shape), malformed for \(formats(broken))" }
            var text = "\(shape), valid for \(formats(valid)) but malformed for \(formats(broken))"
            if valid == [.httpPayload2], root.isObject, root["statusCode"] == nil {
                text += " (payload 2.0 sends the whole JSON as the body of a 200)"
            }
            return text
        }

        static func errorObject(_ error: LambdaErrorPayload) -> String {
            switch error.cause {
            case "backend-throttling": "Lambda throttle error (\(error.type ?? "Rate Exceeded")), not a proxy response"
            case "lambda-service-error": "Lambda service error, not a proxy response"
            default: "Lambda error object\(error.type.map { " (\($0))" } ?? ""), not a proxy response"
            }
        }

        static func errorSummary(_ error: LambdaErrorPayload) -> String {
            let message = ConfigDocument.quote(error.message)
            switch error.cause {
            case "lambda-timeout":
                return "The function hit its own timeout (\(message)), so Lambda returned an error instead of a response."
            case "lambda-response-too-large":
                return "The function's response was over Lambda's 6 MB limit, so Lambda returned an error instead of it."
            case "backend-throttling":
                return "Lambda refused the invoke because of a concurrency limit (\(error.type ?? "")): \(message)"
            case "lambda-service-error":
                return "Lambda refused to run the function before its code started: \(message)"
            default:
                return "The function failed\(error.type.map { " with \($0)" } ?? "") (\(message)), so Lambda "
                    + "returned an error object instead of a proxy response."
            }
        }

        static let functionReturned503 =
            "The function itself returned statusCode 503, which API Gateway passes on: the backend reports it is "
            + "unavailable."

        static func functionReturned(_ status: Int) -> String {
            "The function itself returned statusCode \(status), which API Gateway passes on unchanged: the cause is "
                + "in the function's own logic, not in API Gateway."
        }

        static func overLambdaLimit(_ size: Int) -> String {
            "The response is \(size.formatted()) bytes, over Lambda's 6 MB limit for a synchronous response, so "
                + "Lambda fails the invocation instead of returning it."
        }

        static func overGatewayLimit(_ size: Int) -> String {
            "The response is also over API Gateway's 10 MB payload quota, which cannot be raised; only response "
                + "streaming gets past it."
        }

        static func tooLargeToRead(_ size: Int) -> String {
            "Lambda proxy response of \(size.formatted()) bytes, far over the 6 MB Lambda allows"
        }

        static func notRead(_ size: Int) -> String {
            "The file is \(size.formatted()) bytes, too large to read whole; only its size was checked."
        }
    }
}
