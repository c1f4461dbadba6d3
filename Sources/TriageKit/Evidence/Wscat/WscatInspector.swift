/// Reads `wscat` transcripts of a WebSocket API (kind `wscat`).
///
/// - `error: Unexpected server response: 500` is the `$connect` handshake failing: the route's
///   integration, its authorizer or the Lambda permission for `$connect`; the transcript does not
///   say which, so it is an undetermined failure (API type `websocket`) with its clues.
/// - A route reply `{"message": "Internal server error", "connectionId": …, "requestId": …}` is a
///   route integration failure; its `requestId` joins the stage's execution log. Undetermined too,
///   as a `route error` reported under 500 (a WebSocket message has no HTTP status of its own).
/// - `{"message": "Endpoint request timed out", …}` proves the integration timeout.
/// - `{"message": "Forbidden", …}` and a 401/403 handshake are not 5xx: described, not diagnosed.
public struct WscatInspector: EvidenceInspector {
    public let kind = "wscat"

    public init() {}

    public func detect(_ sample: EvidenceSample) -> Int? {
        // The lines that mark a transcript (`WscatLine`): the command, connected, disconnected,
        // the handshake's status.
        let markers: [StaticString] = [
            "wscat", "Connected (press CTRL+C to quit)", "Disconnected (code: ", "error: Unexpected server response: ",
        ]
        guard sample.mayContain(anyOf: markers) else { return nil }
        return detectByLines(sample)
    }

    /// The detection itself, over the sample's first lines.
    func detectByLines(_ sample: EvidenceSample) -> Int? {
        var marked = false
        for line in sample.head.split(separator: "\n", omittingEmptySubsequences: false).prefix(400) {
            switch WscatLine(line) {
            case .connected, .handshakeStatus, .command, .disconnected: marked = true
            default: continue
            }
            if marked { break }
        }
        return marked ? 90 : nil
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        var transcript = WscatTranscript(path: file.path)
        let summary = try file.forEachLine { line in
            if let shape = WscatLine(line.text) { transcript.take(shape, line: line.number, text: line.text) }
            return true
        }
        var report = transcript.report(kind: kind, lines: summary.lines)
        if summary.cutLines > 0 { report.problems.append(LogLineReading.cutLinesProblem(summary.cutLines)) }
        return report
    }
}
