import Foundation

/// One HAR entry (`request`, `response`, `time`, `startedDateTime`) as a `CapturedResponse`, with
/// the file line of each part it quotes.
struct HAREntryReading {
    let root: DocumentNode
    /// The entry's text split into lines, for quoting (line 1 is the file's `firstLine`).
    let lines: [Substring]
    let firstLine: Int
    let path: String

    /// Markers of an entry that went through API Gateway (its host or one of its headers), looked
    /// for in the raw bytes before anything is parsed.
    static let markers: [[UInt8]] = [".execute-api.", "x-amzn-requestid", "x-amz-apigw-id", "apigw-requestid", "x-amzn-errortype"]
        .map { Array($0.utf8) }

    /// Whether `bytes` mention API Gateway at all (ASCII case ignored): the cheap test that lets
    /// every other entry of a large HAR be skipped unparsed.
    static func mentionsAPIGateway(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            markers.contains { marker in Self.contains(buffer, marker) }
        }
    }

    private static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ marker: [UInt8]) -> Bool {
        guard buffer.count >= marker.count, let first = marker.first else { return false }
        var index = 0
        let last = buffer.count - marker.count
        while index <= last {
            if buffer[index] | 0x20 == first {
                var offset = 1
                while offset < marker.count, lower(buffer[index + offset]) == marker[offset] { offset += 1 }
                if offset == marker.count { return true }
            }
            index += 1
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The entry as a captured response; nil when it has no response status (a request the
    /// browser never got an answer to has status 0).
    func captured() -> CapturedResponse? {
        guard let response = root["response"], let statusMember = response.member("status"),
            let status = statusMember.value.integer, (100...599).contains(status)
        else { return nil }
        var captured = CapturedResponse(status: status, statusLine: quote(statusMember.line, focus: "\"status\""))
        for header in response["headers"]?.elements ?? [] {
            guard let name = header["name"]?.string, let value = header.member("value") else { continue }
            let lower = name.lowercased()
            // Only the headers a proof or a join reads are kept: never Authorization or Cookie values.
            guard Self.keptHeaders.contains(lower), let text = value.value.scalarText else { continue }
            var line = quote(value.line, focus: "\"value\"")
            if !line.text.lowercased().contains(lower) { line.text = "\(name): \(line.text)" }
            captured.headers.append(.init(name: lower, value: text, line: line))
        }
        if let content = response["content"], let text = content.member("text"), let body = text.value.string {
            captured.body = Self.decoded(body, encoding: content["encoding"]?.string)
            captured.bodyLine = quote(text.line, focus: "\"text\"")
        }
        if let request = root["request"] {
            captured.method = request["method"]?.string
            if let url = request["url"]?.string { captured.setURL(url) }
        }
        if let time = root.member("time"), let value = time.value.scalarText.flatMap(Double.init), value >= 0 {
            captured.elapsedMilliseconds = value
            captured.elapsedLine = quote(time.line, focus: "\"time\"")
        }
        captured.startedAt = root["startedDateTime"]?.string.flatMap(Self.utc)
        return captured
    }

    static let keptHeaders: Set<String> = [
        "x-amzn-requestid", "x-amz-apigw-id", "apigw-requestid", "x-amzn-errortype", "x-amzn-trace-id", "date",
        "content-type", "x-amz-cf-id", "x-cache",
    ]

    private func quote(_ line: Int, focus: String) -> EvidenceLine {
        let index = line - 1
        let text = lines.indices.contains(index) ? String(lines[index]) : ""
        return EvidenceLine(file: path, line: firstLine + index, text: ConfigDocument.quote(text, focus: focus))
    }

    /// A base64 body decoded when it is text (HAR writers encode binary bodies, and some all of them).
    private static func decoded(_ body: String, encoding: String?) -> String {
        guard encoding == "base64", let data = Data(base64Encoded: body), let text = String(data: data, encoding: .utf8) else { return body }
        return text
    }

    /// `2026-11-30T11:00:00.123+01:00` → `2026-11-30T10:00:00.123Z`.
    static func utc(_ text: String) -> String? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime]
            date = formatter.date(from: text)
        }
        guard let date else { return nil }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
