/// Whether the start of a file has the shape of an API Gateway access log, for `detect` only
/// (`AccessLogScan` reads the file once it is claimed).
///
/// A JSON object with a status is not enough: a Lambda proxy response (`{"statusCode": 500,
/// "body": …}`), a function's structured log line, a Postman or `lambda invoke` transcript all have
/// one. So a line counts as an entry only when it looks like what `$context` variables produce:
///
/// - CLF (the console presets): `ip - - [time] "METHOD path PROTOCOL" status …`;
/// - one JSON object on the line whose status is a number from 100 to 599, with a request id or a
///   request time, and one more access-log field (both an id and a time also do); and no key that
///   only a proxy response (`body`, `headers`, `isBase64Encoded`, `multiValueHeaders`, `cookies`) or
///   an application log (`level`, `severity`) has.
///
/// An access log is many such lines: two or more entries make the file one. A single entry is
/// accepted, less surely, when it carries a request id and a time, or a request id and two more
/// access-log fields (a line pasted from the console).
struct AccessLogShape {
    private(set) var entries = 0
    /// Entries that alone look like an access log: a request id with a time or two more fields.
    private(set) var strongEntries = 0
    /// Non-blank lines that are not entries.
    private(set) var otherLines = 0

    private var json = FlatJSONLine()

    /// The detection score for what was consumed: nil when it is not an access log.
    var score: Int? {
        if entries >= 2 { return entries * 2 >= entries + otherLines ? 85 : 50 }
        if entries == 1, strongEntries == 1, otherLines <= 2 { return 60 }
        return nil
    }

    mutating func consume(_ line: UnsafeBufferPointer<UInt8>) {
        guard let start = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        if let open = Self.jsonStart(line, from: start) {
            if considerJSON(UnsafeBufferPointer(rebasing: line[open...])) { return }
        } else if line.firstOffset(of: "] \"") != nil, let entry = CommonLogFormatLine.entry(line.text(0..<line.count)),
            entry.requestID != nil || entry.status != nil
        {
            entries += 1
            if entry.requestID != nil { strongEntries += 1 }  // CLF always has the time
            return
        }
        otherLines += 1
    }

    /// `{` first, or after a timestamp or columns an export put in front (as `AccessLogScan` reads it).
    private static func jsonStart(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        if line[start] == UInt8(ascii: "{") { return start }
        guard line[start].isASCIIDigit,
            let brace = line.firstOffset(of: UInt8(ascii: "{"), in: start..<min(line.count, start + 64)),
            line[brace - 1].isASCIISpaceOrTab
        else { return nil }
        return brace
    }

    /// Counts `object` as an entry when it has the access-log shape; false otherwise.
    private mutating func considerJSON(_ object: UnsafeBufferPointer<UInt8>) -> Bool {
        guard json.parse(object), let statusField = json.field(AccessLogEntry.Keys.status),
            let status = FlatJSONLine.text(of: statusField, in: object).flatMap({ Int($0) }), (100...599).contains(status),
            !hasKey(under: Self.foreignKeys)
        else { return false }
        let hasID = json.field(Self.idKeys) != nil
        let hasTime = json.field(Self.timeKeys) != nil
        let others = json.fields.filter { json.field($0, isOneOf: Self.otherKeys) }.count
        guard hasID || hasTime, (hasID && hasTime) || others >= 1 else { return false }
        entries += 1
        if hasID && (hasTime || others >= 2) { strongEntries += 1 }
        return true
    }

    /// Whether a field's key is one of `roots` or lies inside one (`body.message` for a nested body).
    private func hasKey(under roots: [StaticString]) -> Bool {
        json.keys.withUnsafeBufferPointer { keys in
            json.fields.contains { field in
                let key = UnsafeBufferPointer(rebasing: keys[field.key])
                return roots.contains { root in
                    let length = root.utf8CodeUnitCount
                    return key.hasPrefix(root) && (key.count == length || key[length] == UInt8(ascii: "."))
                }
            }
        }
    }

    // Keys as `FlatJSONLine` normalises them (lower case, `-` and `_` become `.`).

    /// `$context.requestId`, `$context.extendedRequestId` in the spellings formats use.
    private static let idKeys: [StaticString] = [
        "requestid", "request.id", "extendedrequestid", "extended.request.id", "extended.requestid", "apigw.requestid",
    ]
    /// `$context.requestTime`, `$context.requestTimeEpoch`, or a time an export put in.
    private static let timeKeys: [StaticString] = [
        "requesttime", "requesttimeepoch", "request.time", "request.time.epoch", "time", "timestamp", "@timestamp",
        "datetime", "date",
    ]
    /// Other `$context` variables access-log formats carry.
    private static let otherKeys: [StaticString] =
        [
            "ip", "sourceip", "identity.sourceip", "caller", "user", "useragent", "identity.useragent", "protocol",
            "responselength", "httpmethod", "http.method", "routekey", "route.key", "resourcepath", "resource.path",
            "path", "apiid", "api.id", "stage", "domainname",
        ] + AccessLogEntry.Keys.integrationStatus + AccessLogEntry.Keys.integrationResponseStatus
        + AccessLogEntry.Keys.integrationError + AccessLogEntry.Keys.errorMessage + AccessLogEntry.Keys.errorType
        + AccessLogEntry.Keys.integrationLatency
    /// Keys of a Lambda proxy response or of an application's structured log, never of an access log.
    private static let foreignKeys: [StaticString] = [
        "body", "headers", "isbase64encoded", "multivalueheaders", "cookies", "level", "loglevel", "severity",
        "stacktrace",
    ]
}
