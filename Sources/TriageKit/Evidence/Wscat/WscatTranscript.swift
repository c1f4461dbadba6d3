/// What a `wscat` transcript showed, line by line: the endpoint, the handshake, the frames sent and
/// API Gateway's replies, gathered into a report (see `WscatInspector`).
struct WscatTranscript {
    let path: String
    private var facts: [String: String] = [:]
    private var tally = FindingTally()
    private var examples: [String: RequestKeys] = [:]
    private var handshakeFailures: [UndeterminedFailure] = []
    private var routeErrors: UndeterminedFailure?
    private var lastSent: EvidenceLine?
    private var commandLine: EvidenceLine?
    private var connections = 0
    private var replies = 0
    private var forbidden = 0
    private var refused: [Int] = []
    private var disconnects: [Int] = []

    init(path: String) { self.path = path }

    mutating func take(_ shape: WscatLine, line number: Int, text: Substring) {
        let line = EvidenceLine(file: path, line: number, text: EvidenceText.quote(text))
        switch shape {
        case .command(let url):
            commandLine = line
            endpoint(url)
        case .connected:
            connections += 1
        case .sent:
            lastSent = line
        case .received(let frame):
            received(frame, line: line)
        case .disconnected(let code):
            if let code { disconnects.append(code) }
        case .handshakeStatus(let status):
            handshake(status, line: line)
        case .error:
            break
        }
    }

    /// `wss://API.execute-api.REGION.amazonaws.com/STAGE` → api_id, region, stage.
    private mutating func endpoint(_ url: String) {
        let parsed = CapturedResponse.urlParts(url)
        facts["api_type"] = "websocket"
        guard let host = parsed.host else { return }
        let bytes = Array(host.utf8)
        guard let api = bytes.withUnsafeBufferPointer({ AWSIdentifiers.executeAPIHost(in: $0) }) else { return }
        facts["api_id"] = api.apiID
        facts["region"] = api.region
        if let stage = parsed.path?.split(separator: "/").first, AWSIdentifiers.isStage(stage) { facts["stage"] = String(stage) }
    }

    private mutating func handshake(_ status: Int, line: EvidenceLine) {
        guard status >= 500 else {
            refused.append(status)
            return
        }
        if let index = handshakeFailures.firstIndex(where: { $0.status == status }) {
            handshakeFailures[index].count += 1
            return
        }
        var clues = [
            "the WebSocket handshake ($connect) got \(status): the $connect route's integration, its authorizer or the Lambda permission for $connect failed"
        ]
        if let stage = facts["stage"] { clues.append("stage \(stage)") }
        handshakeFailures.append(
            UndeterminedFailure(
                status: status, apiType: "websocket", evidence: [line] + (commandLine.map { [$0] } ?? []),
                request: RequestKeys(route: "$connect"), clues: clues))
    }

    private mutating func received(_ frame: String, line: EvidenceLine) {
        let trimmed = frame.trimmingTrailingWhitespace()
        guard trimmed.hasPrefix("{"), let root = try? JSONDocumentParser.parse(String(trimmed)), root.isObject,
            let message = root["message"]?.string
        else { return }
        replies += 1
        let connection = root["connectionId"]?.string.flatMap { AWSIdentifiers.isRequestID($0[...]) ? $0 : nil }
        let request = root["requestId"]?.string.flatMap { AWSIdentifiers.isRequestID($0[...]) ? $0 : nil }
        if let connection { facts["connection_id"] = facts["connection_id"] ?? connection }
        let keys = RequestKeys(apiGatewayRequestId: request)
        var evidence = [line]
        if let lastSent { evidence.append(lastSent) }
        switch message {
        case "Internal server error":
            if routeErrors != nil {
                routeErrors?.count += 1
                return
            }
            var clues = ["route error: API Gateway answered a frame with {\"message\": \"Internal server error\"}: the route's integration failed"]
            if let lastSent { clues.append("the frame sent before it: \(EvidenceText.quote(lastSent.text, limit: 120))") }
            if let connection { clues.append("connection id \(connection)") }
            if let request { clues.append("request id \(request) (the execution log's request id)") }
            routeErrors = UndeterminedFailure(
                status: 500, apiType: "websocket", evidence: evidence, request: keys.isEmpty ? nil : keys, clues: clues)
        case "Endpoint request timed out":
            var facts = self.facts
            if let request { facts["request_id"] = request }
            if tally.wantsExample(cause: "integration-timeout", confidence: .high) { examples["integration-timeout"] = keys }
            tally.add(
                RequestDiagnosis(
                    cause: "integration-timeout", confidence: .high, status: 504, evidence: evidence, facts: facts,
                    detail: "a WebSocket route's integration took longer than 29 s"))
        case "Forbidden":
            forbidden += 1
        default:
            break
        }
    }

    func report(kind: String, lines: Int) -> EvidenceReport {
        var findings = tally.findings(counting: "reply")
        for index in findings.indices { findings[index].request = examples[findings[index].cause] }
        let undetermined = handshakeFailures + (routeErrors.map { [$0] } ?? [])
        var facts = ReportFacts.merge(fileLevel: self.facts, findings: findings)
        if findings.isEmpty, let id = routeErrors?.request?.apiGatewayRequestId { facts["request_id"] = id }
        if let status = handshakeFailures.first?.status, handshakeFailures.count == 1, routeErrors == nil { facts["status"] = String(status) }
        var parts = ["wscat transcript"]
        if let stage = facts["stage"] { parts[0] += " (stage \(stage))" }
        parts.append(CountText.counted(connections, "connection"))
        if replies > 0 { parts.append(CountText.counted(replies, "API Gateway reply", "API Gateway replies")) }
        for failure in handshakeFailures { parts.append("handshake failed with \(failure.status)") }
        if let routeErrors { parts.append(CountText.counted(routeErrors.count, "route error")) }
        if !refused.isEmpty {
            parts.append("handshake refused with \(refused.map(String.init).joined(separator: ", ")) (not a 5xx: an authorizer or IAM denied the connection)")
        }
        if forbidden > 0 {
            parts.append("\(CountText.counted(forbidden, "Forbidden reply", "Forbidden replies")) (not a 5xx: no route matched the frame, or access was denied)")
        }
        if !disconnects.isEmpty { parts.append("disconnected with code \(disconnects.map(String.init).joined(separator: ", "))") }
        return EvidenceReport(
            path: path, kind: kind, description: parts.joined(separator: ", "), lines: lines,
            requests: connections + handshakeFailures.count + refused.count + replies,
            failed: handshakeFailures.reduce(0) { $0 + $1.count } + (routeErrors?.count ?? 0) + findings.reduce(0) { $0 + $1.count },
            findings: findings, facts: facts, undetermined: undetermined)
    }
}
