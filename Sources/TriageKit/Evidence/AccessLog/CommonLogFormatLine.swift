/// An access-log line in the console's CLF presets (domain reference §4.3), read into an entry.
///
/// - REST: `ip caller user [time] "METHOD /resource PROTOCOL" status length requestId extendedRequestId`
/// - HTTP API: `ip - - [time] "METHOD ROUTEKEY PROTOCOL" status length requestId`, where the route
///   key is `$default` or `GET /pets` (so the quoted part has four words).
/// - Either may end with free text: the integration error message when the format adds
///   `$context.integrationErrorMessage` (§2.6).
enum CommonLogFormatLine {
    static func entry(_ line: String) -> AccessLogEntry? {
        guard let open = line.firstRange(of: " ["), let close = line[open.upperBound...].firstRange(of: "] \""),
            let requestEnd = line[close.upperBound...].firstIndex(of: "\"")
        else { return nil }
        let request = line[close.upperBound..<requestEnd].split(separator: " ")
        let rest = line[line.index(after: requestEnd)...].split(separator: " ", omittingEmptySubsequences: true)
        guard request.count >= 2, let status = rest.first.flatMap({ Int($0) }), (100...599).contains(status) else { return nil }

        var entry = AccessLogEntry()
        entry.status = status
        entry.httpMethod = String(request[0])
        if request.count == 4 || request[1] == "$default" {
            entry.routeKey = request.count == 4 ? "\(request[1]) \(request[2])" : "$default"
        } else {
            entry.resourcePath = String(request[1])
        }
        // After status and length: the ids, then any free text.
        var words = rest.dropFirst(2)
        var ids: [String] = []
        while let word = words.first, ids.count < 2, isID(word) {
            ids.append(String(word))
            words = words.dropFirst()
        }
        entry.requestID = ids.first
        if ids.count > 1 { entry.extendedRequestID = ids[1] }
        entry.requestTime = String(line[open.upperBound..<close.lowerBound])
        let text = words.joined(separator: " ")
        if !text.isEmpty, text != "-" { entry.integrationError = text }
        return entry
    }

    /// Request ids hold a digit, `=` or `-`; an error message's first word does not.
    private static func isID(_ word: Substring) -> Bool {
        AWSIdentifiers.isRequestID(word) && word.contains { $0.isNumber || $0 == "=" || $0 == "-" }
    }
}
