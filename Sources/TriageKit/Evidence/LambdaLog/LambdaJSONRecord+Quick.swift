extension LambdaJSONRecord {
    /// The platform records Lambda writes for every invocation, in the exact shape it writes them
    /// (no blanks, keys in this order, no escapes), read without a general JSON parse:
    ///
    /// - `{"time":"T","type":"platform.start","record":{"requestId":"ID"[,"version":"V"]}}`
    /// - `{"time":"T","type":"platform.runtimeDone","record":{"requestId":"ID","status":"S","metrics":{…}}}`
    /// - `{"time":"T","type":"platform.report","record":{"requestId":"ID","metrics":{…},"status":"S"}}`
    ///
    /// where `{…}` holds only `"name":number` pairs and `S` is `success`, `timeout`, `error` (or,
    /// for `runtimeDone`, `failure`): the verdicts `parse` tells apart, none naming an `errorType`
    /// (so an `error` is `.unhandled(type: nil)`, as `parse` reads it). In this shape `FlatJSONLine` accepts the line,
    /// each field `parse` asks for is the first of its name, and no string needs decoding, so the
    /// result is what `parse` gives. Nil for anything else (the slow path reads it).
    static func quick(_ text: UnsafeBufferPointer<UInt8>) -> LambdaQuickLine? {
        var cursor = 0
        guard take(text, &cursor, "{\"time\":\""), let time = plainString(text, &cursor),
            take(text, &cursor, ",\"type\":\"platform.")
        else { return nil }
        if take(text, &cursor, "start\",\"record\":{\"requestId\":\"") {
            guard let id = requestID(text, &cursor) else { return nil }
            if take(text, &cursor, ",\"version\":\"") {
                guard plainString(text, &cursor) != nil else { return nil }
            }
            guard take(text, &cursor, "}}"), cursor == text.count else { return nil }
            return .start(id: id, time: time)
        }
        if take(text, &cursor, "runtimeDone\",\"record\":{\"requestId\":\"") {
            guard let id = requestID(text, &cursor), take(text, &cursor, ",\"status\":\""), let status = status(text, &cursor),
                take(text, &cursor, ",\"metrics\":{"), metrics(text, &cursor) != nil, take(text, &cursor, "}}"), cursor == text.count
            else { return nil }
            switch status {
            case .success: return .mention(id: id, time: time, json: true)
            case .timeout: return .signal(id: id, .timedOut(seconds: nil), time: time)
            case .error, .failure: return .signal(id: id, .unhandled(type: nil), time: time)
            }
        }
        if take(text, &cursor, "report\",\"record\":{\"requestId\":\"") {
            guard let id = requestID(text, &cursor), take(text, &cursor, ",\"metrics\":{"), let figures = metrics(text, &cursor),
                take(text, &cursor, ",\"status\":\""), let status = status(text, &cursor), status != .failure,
                take(text, &cursor, "}}"), cursor == text.count
            else { return nil }
            var report = LambdaReport(status: status.text, errorType: nil)
            report.durationMs = figures.durationMs
            report.memorySizeMB = LambdaReport.megabytes(figures.memorySizeMB)
            report.maxMemoryUsedMB = LambdaReport.megabytes(figures.maxMemoryUsedMB)
            report.initDurationMs = figures.initDurationMs
            return .report(id: id, report, json: true)
        }
        return nil
    }

    /// The verdicts of a platform record read on the fast path.
    private enum Status {
        case success, timeout, error, failure

        /// The value as `parse` decodes it.
        var text: String {
            switch self {
            case .success: "success"
            case .timeout: "timeout"
            case .error: "error"
            case .failure: "failure"
            }
        }
    }

    /// A status value and its closing quote (after the opening one).
    private static func status(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Status? {
        if take(text, &cursor, "success\"") { return .success }
        if take(text, &cursor, "timeout\"") { return .timeout }
        if take(text, &cursor, "error\"") { return .error }
        if take(text, &cursor, "failure\"") { return .failure }
        return nil
    }

    private struct Figures {
        var durationMs: Double?
        var memorySizeMB: Double?
        var maxMemoryUsedMB: Double?
        var initDurationMs: Double?
    }

    /// `"name":number` pairs up to and past the closing `}`. A name is letters only, so its
    /// normalised key is its lower case and a field `parse` asks for matches only its exact name;
    /// the first of a name counts, as `parse` takes the first. Numbers are plain decimals
    /// (`PlainDecimal`), bounded as `LambdaReport.number` bounds them; nil for anything else.
    private static func metrics(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Figures? {
        var figures = Figures()
        var seen = (duration: false, size: false, used: false, initDuration: false)
        while true {
            let field = metricName(text, &cursor)
            guard field != .malformed, let raw = PlainDecimal.read(text, &cursor) else { return nil }
            let value = raw.isFinite && raw >= 0 && raw < 1e12 ? raw : nil
            switch field {
            case .duration where !seen.duration:
                seen.duration = true
                figures.durationMs = value
            case .memorySize where !seen.size:
                seen.size = true
                figures.memorySizeMB = value
            case .maxMemoryUsed where !seen.used:
                seen.used = true
                figures.maxMemoryUsedMB = value
            case .initDuration where !seen.initDuration:
                seen.initDuration = true
                figures.initDurationMs = value
            default:
                break
            }
            if take(text, &cursor, "}") { return figures }
            guard take(text, &cursor, ",") else { return nil }
        }
    }

    /// The metrics `parse` reads, any other name, or a name not in the shape above.
    private enum MetricName {
        case duration, memorySize, maxMemoryUsed, initDuration, other, malformed
    }

    /// `"name":` at `cursor`, the cursor moved past it. The names Lambda writes are compared whole
    /// first (a word or two each); any other name of letters is read byte by byte.
    @inline(__always)
    private static func metricName(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> MetricName {
        if take(text, &cursor, "\"durationMs\":") { return .duration }
        if take(text, &cursor, "\"billedDurationMs\":") || take(text, &cursor, "\"producedBytes\":") { return .other }
        if take(text, &cursor, "\"memorySizeMB\":") { return .memorySize }
        if take(text, &cursor, "\"maxMemoryUsedMB\":") { return .maxMemoryUsed }
        guard take(text, &cursor, "\"") else { return .malformed }
        let nameStart = cursor
        while cursor < text.count, text[cursor].isASCIILetter { cursor += 1 }
        let name = UnsafeBufferPointer(rebasing: text[nameStart..<cursor])
        guard !name.isEmpty, take(text, &cursor, "\":") else { return .malformed }
        if equals(name, "durationMs") { return .duration }
        if equals(name, "memorySizeMB") { return .memorySize }
        if equals(name, "maxMemoryUsedMB") { return .maxMemoryUsed }
        if equals(name, "initDurationMs") { return .initDuration }
        return .other
    }

    /// A lowercase UUID and its closing quote.
    private static func requestID(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Range<Int>? {
        guard LambdaQuickLine.isLowercaseRequestID(text, at: cursor), LiteralBytes.matches(text, "\"", at: cursor + 36) else { return nil }
        defer { cursor += 37 }
        return cursor..<cursor + 36
    }

    /// A string of printable ASCII without quotes or backslashes (so decoding leaves it as it is),
    /// and its closing quote.
    private static func plainString(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Range<Int>? {
        let start = cursor
        // The usual value, a time in Lambda's shape (digits, `-`, `:`, `.`, `T`, `Z`): checked by words.
        if text.count - start > 24, let base = text.baseAddress, text[start + 24] == UInt8(ascii: "\""), LambdaLogPrefix.isStamp(base + start) {
            cursor = start + 25
            return start..<start + 24
        }
        while cursor < text.count, text[cursor] >= 0x20, text[cursor] < 0x7F, text[cursor] != UInt8(ascii: "\""),
            text[cursor] != UInt8(ascii: "\\")
        {
            cursor += 1
        }
        guard cursor < text.count, text[cursor] == UInt8(ascii: "\"") else { return nil }
        cursor += 1
        return start..<cursor - 1
    }

    @inline(__always)
    private static func take(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, _ literal: StaticString) -> Bool {
        guard LiteralBytes.matches(text, literal, at: cursor) else { return false }
        cursor += literal.utf8CodeUnitCount
        return true
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && LiteralBytes.matches(bytes, literal, at: 0)
    }
}
