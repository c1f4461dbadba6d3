/// One response of an HTTP transcript as a `CapturedResponse`, so `ResponseProof` decides what it
/// proves exactly as it does for HAR entries and Postman runs.
struct HTTPResponseReading {
    let response: HTTPTranscript.Response

    func captured(path file: String) -> CapturedResponse {
        func evidence(_ line: HTTPTranscript.Line) -> EvidenceLine {
            EvidenceLine(file: file, line: line.number, text: EvidenceText.quote(line.text))
        }
        var captured = CapturedResponse(status: response.status, statusLine: evidence(response.statusLine))
        captured.headers = response.headers.map { .init(name: $0.name, value: $0.value, line: evidence($0.line)) }
        if !response.body.isEmpty {
            captured.body = response.body.map(\.text).joined(separator: "\n")
            // The line naming the message shows the body best (httpie prints JSON over several lines).
            let line = response.body.first { $0.text.contains("essage") } ?? response.body[0]
            captured.bodyLine = evidence(line)
        }
        captured.method = response.method
        captured.host = response.host
        captured.path = response.path.map { String($0.prefix { $0 != "?" }) }
        captured.elapsedMilliseconds = response.elapsedMilliseconds
        captured.elapsedLine = response.elapsedLine.map(evidence)
        return captured
    }
}
