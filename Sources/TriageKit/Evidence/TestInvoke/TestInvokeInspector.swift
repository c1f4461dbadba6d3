/// Reads `aws apigateway test-invoke-method` and `test-invoke-authorizer` output (kind
/// `test-invoke`): the status the client would get, the body, and the execution log of the call.
///
/// - The `log` field is a whole console-style execution log; `TestInvokeLog` runs it through the
///   execution-log scan, so the findings are those of the log itself, quoted with the file line of
///   the `log` field.
/// - A 5xx status (`status`, or the authorizer's `clientStatus`) that the log does not explain is an
///   `UndeterminedFailure`, never a guessed cause.
/// - Test calls carry the stage `test-invoke-stage` (older: `null`) in `X-Amz-Source-Arn`; that is
///   not the deployed stage, so it never becomes the `stage` fact.
public struct TestInvokeInspector: EvidenceInspector {
    public let kind = "test-invoke"

    public init() {}

    /// The keys only these outputs have (`TestInvokeMethodResponse`, `TestInvokeAuthorizerResponse`).
    static let methodKeys: Set<String> = ["status", "body", "headers", "multiValueHeaders", "log", "latency"]
    static let authorizerKeys: Set<String> = [
        "clientStatus", "log", "latency", "principalId", "policy", "authorization", "claims",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        guard let root = DocumentSniffer.json(sample), root.isObject, let log = root.member("log") else { return detectCut(sample) }
        let keys = Set(root.keys)
        guard keys.contains("status") || keys.contains("clientStatus") else { return nil }
        let consoleLog = log.value.string?.hasPrefix("Execution log for request") ?? false
        let ownKeys = keys.isSubset(of: Self.methodKeys) || keys.isSubset(of: Self.authorizerKeys)
        if consoleLog || (ownKeys && keys.contains("latency")) { return ConfigDetectionScore.certain }
        return ownKeys ? ConfigDetectionScore.likely : nil
    }

    /// A sample cut inside a large `body` shows only `status` and `body`, in the CLI's key order.
    private func detectCut(_ sample: EvidenceSample) -> Int? {
        guard !sample.isComplete, let root = DocumentSniffer.json(sample), root.keys.first == "status",
            root["status"]?.integer != nil, root.member("body")?.value.string != nil,
            Set(root.keys).isSubset(of: Self.methodKeys)
        else { return nil }
        return ConfigDetectionScore.likely
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        switch try ConfigDocument.read(file, as: .json) {
        case .document(let document):
            return inspect(document)
        case .unusable(let problem, let lines):
            // A cut output (a truncated paste) still shows its status and the start of its log.
            guard let partial = Self.partialDocument(file), partial.root.member("log") != nil || partial.root.member("status") != nil
            else { return ConfigInspection.unusable(file.path, kind: kind, problem: problem, lines: lines) }
            var report = inspect(partial)
            report.problems.append(problem.prefix(1).uppercased() + problem.dropFirst() + "; what came before the cut was read.")
            return report
        case .cliError(let error, let pasted, let lines):
            return ConfigInspection.cliError(CLIErrorOutput(path: file.path, error: error, pasted: pasted, lines: lines), kind: kind)
        }
    }

    /// The document as far as it goes, when the file ends before it closes.
    private static func partialDocument(_ file: EvidenceFile) -> ConfigDocument? {
        guard let data = try? file.contents(), !data.contains(0) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let prefix = JSONDocumentParser.parsePrefix(text), !prefix.isComplete, prefix.root.isObject else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.last == "\r" ? $0.dropLast() : $0 }
        return ConfigDocument(
            path: file.path, format: .json, root: prefix.root, lines: lines,
            byteCount: data.count)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        let isAuthorizer = root.member("clientStatus") != nil && root.member("status") == nil
        let statusMember = root.member(isAuthorizer ? "clientStatus" : "status")
        let status = statusMember?.value.integer
        var log: TestInvokeLog?
        if let member = root.member("log"), let text = member.value.string {
            log = TestInvokeLog(path: document.path, log: text, fileLine: member.line)
        }
        var findings = log?.scan.tally.findings(counting: "request") ?? []
        var facts = log.map { Self.facts(of: $0.scan, findings: findings) } ?? [:]
        facts["api_type"] = "rest"
        let request = Self.requestKeys(facts)
        for index in findings.indices {
            findings[index].request = request
            // The returned status is what the client would have got; the log may end before saying it.
            if let status, status >= 500 { findings[index].status = status }
        }

        var undetermined: [UndeterminedFailure] = []
        if let status, status >= 500, findings.isEmpty {
            var evidence = [statusMember.map { document.evidence(line: $0.line, focus: $0.key) }].compactMap { $0 }
            var clues: [String] = []
            if let body = root.member("body"), let text = body.value.string, !text.isEmpty {
                evidence.append(document.evidence(line: body.line, focus: "body"))
                clues.append("the body is \(EvidenceText.quote(text, limit: 120))")
            }
            if let type = root["headers"]?.member(caseInsensitive: "x-amzn-ErrorType")?.value.string {
                clues.append("x-amzn-ErrorType is \(type)")
            }
            if let latency = root["latency"]?.integer, latency >= AccessLogInterpreter.timeoutLatency {
                clues.append("latency \(latency) ms, at the 29 s default integration timeout")
            }
            if log == nil { clues.append("the output has no execution log") }
            undetermined.append(UndeterminedFailure(status: status, apiType: "rest", evidence: evidence, request: request, clues: clues))
        }
        return EvidenceReport(
            path: document.path, kind: kind,
            description: Text.description(isAuthorizer: isAuthorizer, status: status, log: log, findings: findings),
            lines: document.lineCount, requests: 1, failed: (status ?? 0) >= 500 ? 1 : 0, findings: findings, facts: facts,
            problems: log == nil ? [Text.noLog] : [], undetermined: undetermined)
    }

    /// The log's facts, without the test stage, under the top finding's.
    private static func facts(of scan: ExecutionLogScan, findings: [Finding]) -> [String: String] {
        var facts = ReportFacts.merge(fileLevel: scan.firstFacts, findings: findings)
        if let stage = facts["stage"], ExecutionLogFacts.testInvokeStages.contains(stage) { facts["stage"] = nil }
        return facts
    }

    private static func requestKeys(_ facts: [String: String]) -> RequestKeys? {
        var keys = RequestKeys(apiGatewayRequestId: facts["request_id"], lambdaRequestId: facts["lambda_request_id"])
        if let method = facts["http_method"], let path = facts["resource_path"] { keys.route = "\(method) \(path)" }
        return keys.isEmpty ? nil : keys
    }

    /// The words of this inspector, kept together.
    private enum Text {
        static func description(isAuthorizer: Bool, status: Int?, log: TestInvokeLog?, findings: [Finding]) -> String {
            var text = isAuthorizer ? "aws apigateway test-invoke-authorizer output" : "aws apigateway test-invoke-method output"
            if isAuthorizer, status == 0 {
                text += ", the authorizer succeeded (clientStatus 0)"
            } else if let status {
                text += ", \(isAuthorizer ? "clientStatus" : "status") \(status)"
            }
            if let log {
                text += ", execution log of \(CountText.counted(log.lines, "line"))"
                if (status ?? 0) >= 500, findings.isEmpty { text += " that names no cause" }
            }
            return text
        }

        static let noLog = "The output has no execution log (the log field is missing or not text); only the status was read."
    }
}
