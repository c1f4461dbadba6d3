/// One trace of `batch-get-traces`: its segment documents (JSON strings) parsed and read for the
/// API Gateway status, the Lambda call and the ids that join it to logs.
struct TraceReading {
    var status: Int?
    /// When the API Gateway segment started, ISO 8601 UTC.
    var time: String?
    var request: RequestKeys
    var facts: [String: String] = [:]
    /// The trace's first line, then the segment line that states the status.
    var evidence: [EvidenceLine]
    var duration: Double?
    var lambdaStatus: Int?
    var throttled = false
    /// A Lambda function segment's exception message, when the function failed.
    var functionException: String?

    init(trace: DocumentNode, document: ConfigDocument) {
        request = RequestKeys(traceId: trace["Id"]?.string)
        evidence = [document.evidence(line: trace.member("Id")?.line ?? trace.line)]
        duration = trace["Duration"]?.scalarText.flatMap(Double.init)
        for segment in trace["Segments"]?.elements ?? [] {
            guard let member = segment.member("Document"), let text = member.value.string,
                let body = try? JSONDocumentParser.parse(text)
            else { continue }
            read(body, line: member.line, document: document)
        }
    }

    private mutating func read(_ body: DocumentNode, line: Int, document: ConfigDocument) {
        let origin = body["origin"]?.string ?? ""
        if origin == "AWS::ApiGateway::Stage" {
            status = body["http"]?["response"]?["status"]?.integer ?? status
            if let start = AWSTimestamp.seconds(body["start_time"]) { time = AWSTimestamp.format(start) }
            let gateway = body["aws"]?["api_gateway"]
            request.apiGatewayRequestId = gateway?["request_id"]?.string
            for (key, fact) in [("rest_api_id", "api_id"), ("stage", "stage"), ("account_id", "account_id")] {
                if let value = gateway?[key]?.string, !value.isEmpty { facts[fact] = value }
            }
            if let method = body["http"]?["request"]?["method"]?.string { request.route = method }
            evidence.append(document.evidence(line: line, focus: "\\\"status\\\""))
        } else if origin.hasPrefix("AWS::Lambda"), body["fault"]?.bool == true || body["error"]?.bool == true {
            functionException = Self.exception(body) ?? functionException ?? "the function failed"
            request.lambdaRequestId = body["aws"]?["request_id"]?.string ?? request.lambdaRequestId
        }
        for subsegment in body["subsegments"]?.elements ?? [] where subsegment["aws"]?["operation"]?.string == "Invoke"
            || subsegment["name"]?.string == "Lambda"
        {
            lambdaStatus = subsegment["http"]?["response"]?["status"]?.integer ?? lambdaStatus
            throttled = throttled || subsegment["throttle"]?.bool == true
            if let id = subsegment["aws"]?["request_id"]?.string { request.lambdaRequestId = id }
            if let function = subsegment["aws"]?["function_name"]?.string { facts["function_name"] = function }
        }
    }

    private static func exception(_ body: DocumentNode) -> String? {
        let exceptions = body["cause"]?["exceptions"]?.elements ?? []
        return exceptions.first.map { ($0["type"]?.string.map { "\($0): " } ?? "") + ($0["message"]?.string ?? "") }
    }

    /// The cause the trace proves, if it proves one.
    func finding(status: Int) -> Finding? {
        let keys = request.isEmpty ? nil : request
        if throttled || lambdaStatus == 429 {
            return Finding(
                cause: "backend-throttling", status: status, confidence: .high, evidence: evidence, facts: facts,
                summary: "X-Ray shows Lambda throttling API Gateway's Invoke call (429), answered \(status).", request: keys)
        }
        if status == 504, let duration, duration >= 28.5 {
            return Finding(
                cause: "integration-timeout", status: 504, confidence: .high, evidence: evidence, facts: facts,
                summary: "The trace lasted \(duration) s and ended in 504: the integration timed out.", request: keys)
        }
        if let functionException {
            return Finding(
                cause: "lambda-function-error", status: status, confidence: .medium, evidence: evidence, facts: facts,
                summary: "The function's segment failed with \(functionException).", request: keys)
        }
        return nil
    }
}
