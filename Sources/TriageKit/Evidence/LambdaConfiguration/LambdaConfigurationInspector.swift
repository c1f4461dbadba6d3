/// Reads `aws lambda get-function-configuration` output — and the two outputs that carry the same
/// facts: `get-function` (`Configuration` plus `Concurrency`) and `get-function-concurrency`
/// (`{"ReservedConcurrentExecutions": N}`).
///
/// - `ReservedConcurrentExecutions` 0 → `backend-throttling`, high: every invoke is throttled.
/// - `State` `Failed` → `lambda-service-error`, high; `Inactive` → medium (the first calls fail
///   while Lambda restores the function); `LastUpdateStatus` `Failed` → low.
/// - Facts: `function_name`, `region`, `account_id`, `function_timeout_s`.
/// - The description notes the timeout against REST's default 29 s integration timeout, the VPC
///   (ENI and subnet IP limits) and a customer KMS key, which are where service errors come from.
public struct LambdaConfigurationInspector: EvidenceInspector {
    public let kind = "lambda-configuration"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample) else { return nil }
        if Self.configuration(in: root) != nil { return ConfigDetectionScore.certain }
        // get-function-concurrency prints this single key and nothing else.
        return root.keys == ["ReservedConcurrentExecutions"] ? ConfigDetectionScore.certain : nil
    }

    /// The function configuration object: the root, or `Configuration` in `get-function` output.
    static func configuration(in root: DocumentNode) -> DocumentNode? {
        if root["FunctionArn"]?.string != nil, root.member("FunctionName") != nil { return root }
        if let nested = root["Configuration"], nested["FunctionArn"]?.string != nil { return nested }
        return nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, as: .json, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        let configuration = Self.configuration(in: root)
        let concurrency =
            root.member("ReservedConcurrentExecutions") ?? root["Concurrency"]?.member("ReservedConcurrentExecutions")
            ?? configuration?.member("ReservedConcurrentExecutions")
        guard configuration != nil || concurrency != nil else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no FunctionArn or ReservedConcurrentExecutions",
                lines: document.lineCount)
        }
        var facts: [String: String] = [:]
        var notes: [String] = []
        var findings: [Finding] = []

        if let configuration {
            facts = Self.facts(configuration)
            notes += Self.notes(configuration)
            findings += stateFindings(configuration, document: document, facts: facts)
        }
        if let concurrency, let reserved = concurrency.value.integer {
            notes.append("reserved concurrency \(reserved)")
            if reserved == 0 {
                findings.append(
                    Finding(
                        cause: "backend-throttling", status: 500, confidence: .high,
                        evidence: [document.evidence(line: concurrency.line, focus: concurrency.key)], facts: facts,
                        summary: Text.zeroConcurrency))
            }
        }
        var collector = FindingCollector()
        collector.add(findings)
        let name = facts["function_name"].map { " for \($0)" } ?? ""
        return EvidenceReport(
            path: document.path, kind: kind,
            description: ([ConfigInspection.label(kind) + name] + notes).joined(separator: ", "),
            lines: document.lineCount, findings: collector.findings, facts: facts)
    }

    static func facts(_ configuration: DocumentNode) -> [String: String] {
        var facts: [String: String] = [:]
        if let arn = configuration["FunctionArn"]?.string, let function = LambdaFunctionTarget(uri: arn) {
            facts.merge(function.facts) { $1 }
            if let region = function.region, FactText.isConcrete(region) { facts["region"] = region }
        } else if let name = configuration["FunctionName"]?.string {
            facts["function_name"] = name
        }
        if let timeout = configuration["Timeout"]?.integer { facts["function_timeout_s"] = String(timeout) }
        return facts
    }

    static func notes(_ configuration: DocumentNode) -> [String] {
        var notes: [String] = []
        if let timeout = configuration["Timeout"]?.integer {
            // REST's default integration timeout is 29 s: a function allowed as long or longer
            // is cut off by API Gateway first, with a 504, while it keeps running.
            notes.append(
                timeout >= 29
                    ? "timeout \(timeout) s (not shorter than REST's default 29 s integration timeout)"
                    : "timeout \(timeout) s")
        }
        if let state = configuration["State"]?.string { notes.append("state \(state)") }
        if let subnets = configuration["VpcConfig"]?["SubnetIds"]?.elements, !subnets.isEmpty {
            notes.append("in a VPC (\(subnets.count) subnet\(subnets.count == 1 ? "" : "s"))")
        }
        if configuration["KMSKeyArn"]?.string != nil { notes.append("environment encrypted with a customer KMS key") }
        return notes
    }

    private func stateFindings(
        _ configuration: DocumentNode, document: ConfigDocument, facts: [String: String]
    ) -> [Finding] {
        var findings: [Finding] = []
        let reason = [configuration["StateReasonCode"]?.string, configuration["StateReason"]?.string]
            .compactMap { $0 }.joined(separator: ": ")
        if let state = configuration.member("State"), let value = state.value.string,
            value == "Failed" || value == "Inactive"
        {
            findings.append(
                Finding(
                    cause: "lambda-service-error", status: 500, confidence: value == "Failed" ? .high : .medium,
                    evidence: [document.evidence(line: state.line, focus: state.key)], facts: facts,
                    summary: value == "Failed" ? Text.failed(reason) : Text.inactive(reason)))
        }
        if let update = configuration.member("LastUpdateStatus"), update.value.string == "Failed" {
            let updateReason = [
                configuration["LastUpdateStatusReasonCode"]?.string, configuration["LastUpdateStatusReason"]?.string,
            ].compactMap { $0 }.joined(separator: ": ")
            findings.append(
                Finding(
                    cause: "lambda-service-error", status: 500, confidence: .low,
                    evidence: [document.evidence(line: update.line, focus: update.key)], facts: facts,
                    summary: Text.updateFailed(updateReason)))
        }
        return findings
    }
}

extension LambdaConfigurationInspector {
    /// The words of this inspector, kept together.
    enum Text {
        static let zeroConcurrency =
            "The function's reserved concurrency is 0, so Lambda throttles every invoke and API Gateway answers 500."

        static func failed(_ reason: String) -> String {
            "The function is in the Failed state\(reason.isEmpty ? "" : " (\(reason))"), so Lambda refuses to run "
                + "it and API Gateway answers 500."
        }

        static func inactive(_ reason: String) -> String {
            "The function is Inactive\(reason.isEmpty ? "" : " (\(reason))"); calls fail while Lambda restores it, "
                + "and keep failing if it cannot."
        }

        static func updateFailed(_ reason: String) -> String {
            "The last update of the function failed\(reason.isEmpty ? "" : " (\(reason))"), so it may not run "
                + "the code or settings you expect."
        }
    }
}
