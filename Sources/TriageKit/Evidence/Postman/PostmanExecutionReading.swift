/// One request of a Postman run as a `CapturedResponse`: a Newman execution
/// (`request.url` as an object or a string, `response.code`, `response.header[{key, value}]`,
/// `response.stream` as a serialised Buffer, `response.responseTime`) or an app run result
/// (`url`, `responseCode.code`, `time`).
struct PostmanExecutionReading {
    let document: ConfigDocument

    /// A Newman `run.executions[]` element.
    func newman(_ execution: DocumentNode) -> CapturedResponse? {
        guard let response = execution["response"], let code = response.member("code"), let status = code.value.integer,
            (100...599).contains(status)
        else { return nil }
        var captured = CapturedResponse(status: status, statusLine: document.evidence(line: code.line, focus: "\"code\""))
        for header in response["header"]?.elements ?? [] {
            guard let name = header["key"]?.string, let value = header.member("value"), let text = value.value.scalarText else {
                continue
            }
            let lower = name.lowercased()
            guard HAREntryReading.keptHeaders.contains(lower) else { continue }
            var line = document.evidence(line: value.line, focus: "\"value\"")
            if !line.text.lowercased().contains(lower) { line.text = "\(name): \(line.text)" }
            captured.headers.append(.init(name: lower, value: text, line: line))
        }
        if let stream = response.member("stream"), let body = Self.body(stream.value) {
            captured.body = body
            var line = document.evidence(line: stream.line, focus: "\"stream\"")
            line.text = "response.stream (decoded): " + EvidenceText.quote(body, limit: 200)
            captured.bodyLine = line
        }
        if let time = response.member("responseTime"), let value = time.value.scalarText.flatMap(Double.init), value >= 0 {
            captured.elapsedMilliseconds = value
            captured.elapsedLine = document.evidence(line: time.line, focus: "\"responseTime\"")
        }
        if let request = execution["request"] {
            captured.method = request["method"]?.string
            if let url = request["url"] { Self.setURL(url, on: &captured) }
        }
        return captured
    }

    /// A Postman app `results[]` element.
    func appResult(_ result: DocumentNode) -> CapturedResponse? {
        guard let code = result["responseCode"]?.member("code"), let status = code.value.integer, (100...599).contains(status) else {
            return nil
        }
        var captured = CapturedResponse(status: status, statusLine: document.evidence(line: code.line, focus: "\"code\""))
        if let url = result["url"]?.string { captured.setURL(url.contains("://") ? url : "https://" + url) }
        captured.method = result["method"]?.string
        if let time = result.member("time"), let value = time.value.scalarText.flatMap(Double.init), value >= 0 {
            captured.elapsedMilliseconds = value
            captured.elapsedLine = document.evidence(line: time.line, focus: "\"time\"")
        }
        return captured
    }

    /// `{"protocol": "https", "host": ["a1b2c3d4e5", "execute-api", …], "path": ["prod", "orders"]}`,
    /// `{"raw": "https://…"}` or a plain string.
    private static func setURL(_ node: DocumentNode, on captured: inout CapturedResponse) {
        if let text = node.string ?? node["raw"]?.string, text.contains("://") {
            captured.setURL(text)
            return
        }
        let host = node["host"]?.elements.compactMap(\.scalarText).joined(separator: ".") ?? node["host"]?.string
        if let host, !host.isEmpty { captured.host = host }
        let segments = node["path"]?.elements.compactMap(\.scalarText) ?? []
        if !segments.isEmpty { captured.path = "/" + segments.joined(separator: "/") }
    }

    /// The body of a Newman response: a serialised Node Buffer (`{"type": "Buffer", "data": [123, …]}`)
    /// or a string, cut to what a proof needs.
    static func body(_ node: DocumentNode) -> String? {
        if let text = node.string { return String(text.prefix(ResponseBody.maxParsedBytes)) }
        guard node["type"]?.string == "Buffer", let data = node["data"]?.elements else { return nil }
        let bytes = data.prefix(ResponseBody.maxParsedBytes).compactMap { $0.integer }.filter { (0...255).contains($0) }.map { UInt8($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
