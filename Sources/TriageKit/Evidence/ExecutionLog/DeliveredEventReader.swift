/// Reads the events of a delivered JSON execution log (`DeliveredLogEvent`) on bytes, with buffers
/// reused from line to line: the scan's hot path for that shape, at no `String` per line.
///
/// It walks the object exactly as `DeliveredLogEvent.read` does (the same keys, the same order of
/// preference, the same tolerance of cut lines) and hands over the same lines. Bytes and characters
/// agree only for ASCII without a carriage return, so a line holding anything else (a non-ASCII
/// key or value, a `\r`) is passed to `DeliveredLogEvent` itself: same answer, slower path.
struct DeliveredEventReader {
    private var message: [UInt8] = []
    private var value: [UInt8] = []
    private var key: [UInt8] = []
    private var output: [UInt8] = []
    /// Raw ranges of the values kept (escapes not decoded yet).
    private var named: Range<Int>?
    private var recognised: Range<Int>?
    private var ids: [Range<Int>?] = [nil, nil, nil, nil]

    /// The lines of the event in `line` (`(id) first line`, then the message's other lines), passed
    /// to `body`; false when the line is not a delivered execution-log event.
    mutating func lines(of line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        switch read(line) {
        case .event(let requestID):
            emit(requestID: requestID, line: line, body)
            return true
        case .notAnEvent:
            return false
        case .needsText:
            guard let event = DeliveredLogEvent.read(line) else { return false }
            event.lines(body)
            return true
        }
    }

    private enum Outcome {
        /// An event; the message is in `message`, the request id a range of the line (decoded on use).
        case event(requestID: Range<Int>?)
        case notAnEvent
        /// Only the `String` reader can tell (non-ASCII or `\r` met).
        case needsText
    }

    /// Key names after normalising (lower case; `_`, `-`, `@`, `.` removed), as `DeliveredLogEvent` lists them.
    private static let messageKeys: [StaticString] = ["message", "msg", "log", "logmessage", "text"]
    private static let statusKeys: [StaticString] = ["status", "statuscode", "httpstatus", "responsestatus"]
    private static let requestIDKeys: [StaticString] = ["requestid", "apigwrequestid", "awsrequestid", "extendedrequestid"]

    private mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        var position = 0
        while position < line.count, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        guard position < line.count, line[position] == UInt8(ascii: "{"), let base = line.baseAddress else { return .notAnEvent }
        var depth = 0
        var objects: UInt64 = 0  // bit per level: 1 object, 0 array (at most 16 levels)
        var expectingKey = false
        var hasKey = false
        var hasStatus = false
        named = nil
        recognised = nil
        for index in ids.indices { ids[index] = nil }
        while position < line.count {
            let byte = line[position]
            switch byte {
            case UInt8(ascii: "\""):
                let raw = Self.string(line, base: base, at: &position)
                guard decode(line, raw, into: &value) else { return .needsText }
                if depth > 0, objects >> (depth - 1) & 1 == 1, expectingKey {
                    key.removeAll(keepingCapacity: true)
                    for byte in value where byte != 0x5F && byte != 0x2D && byte != 0x40 && byte != 0x2E {
                        key.append(byte | (byte.isASCIILetter ? 0x20 : 0))
                    }
                    hasKey = true
                } else {
                    if hasKey, Self.index(of: key, in: Self.messageKeys) != nil, named == nil {
                        named = raw
                    } else if hasKey, let id = Self.index(of: key, in: Self.requestIDKeys), ids[id] == nil {
                        ids[id] = raw
                    } else if recognised == nil, isExecutionLogMessage(value) {
                        recognised = raw
                    }
                    hasKey = false
                }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < 16 else { return .notAnEvent }
                let isObject = byte == UInt8(ascii: "{")
                objects = (objects & ~(1 << depth)) | (isObject ? 1 << depth : 0)
                depth += 1
                expectingKey = isObject
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth > 0 { depth -= 1 }
                expectingKey = false
            case UInt8(ascii: ":"):
                expectingKey = false
                if hasKey, Self.index(of: key, in: Self.statusKeys) != nil { hasStatus = true }
            case UInt8(ascii: ","):
                expectingKey = depth > 0 && objects >> (depth - 1) & 1 == 1
                hasKey = false
            default:
                break
            }
            position += 1
            if depth == 0 { break }
        }
        guard !hasStatus else { return .notAnEvent }
        var chosen = recognised
        if let named {
            _ = decode(line, named, into: &value)
            if isExecutionLogMessage(value) { chosen = named }
        }
        guard let chosen else { return .notAnEvent }
        _ = decode(line, chosen, into: &message)
        var requestID: Range<Int>?
        for id in ids {
            if let id, requestID == nil, decode(line, id, into: &value), Self.isRequestID(value) { requestID = id }
        }
        return .event(requestID: requestID)
    }

    /// `DeliveredLogEvent.lines` on bytes: the message split at its line breaks, whitespace-only
    /// trailing lines dropped, the first line given `(request-id) ` unless it has a `(` already.
    private mutating func emit(requestID: Range<Int>?, line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var parts: [Range<Int>] = []
        var start = 0
        while true {
            let end = message[start...].firstIndex(of: 0x0A) ?? message.count
            parts.append(start..<end)
            if end == message.count { break }
            start = end + 1
        }
        while parts.count > 1, let last = parts.last, message[last].allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            parts.removeLast()
        }
        for (index, part) in parts.enumerated() {
            output.removeAll(keepingCapacity: true)
            if index == 0, message[part].first != UInt8(ascii: "(") {
                output.append(UInt8(ascii: "("))
                if let requestID {
                    _ = decode(line, requestID, into: &value)
                    output += value
                } else {
                    output += DeliveredLogEvent.unknownRequest.utf8
                }
                output += ") ".utf8
            }
            output += message[part]
            output.withUnsafeBufferPointer(body)
        }
    }

    /// The raw bytes of the string whose opening quote is at `position`, up to its closing quote
    /// or the end of the line; `position` moves past it.
    private static func string(_ line: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, at position: inout Int) -> Range<Int> {
        let start = position + 1
        var index = start
        while index < line.count {
            index = ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\""), in: base, from: index, to: line.count)
            guard index < line.count, line[index] == UInt8(ascii: "\\") else { break }
            index += 2
        }
        let end = min(index, line.count)
        position = end + 1
        return start..<end
    }

    /// `JSONStringText.decode` for text that stays ASCII without `\r`; false otherwise (the
    /// `String` reader must decide).
    private func decode(_ line: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        guard let base = line.baseAddress else { return true }
        var index = raw.lowerBound
        while index < raw.upperBound {
            // The run up to the next backslash or carriage return goes over in one copy.
            let stop = ByteScan.first(UInt8(ascii: "\\"), 0x0D, 0x0D, in: base, from: index, to: raw.upperBound)
            if stop > index {
                guard ByteScan.isASCII(base + index, count: stop - index) else { return false }
                out.append(contentsOf: UnsafeBufferPointer(start: base + index, count: stop - index))
                index = stop
                if index == raw.upperBound { break }
            }
            let byte = line[index]
            guard byte != 0x0D else { return false }
            guard index + 1 < raw.upperBound else {
                out.append(byte)
                index += 1
                continue
            }
            let escaped = line[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): return false
            case UInt8(ascii: "b"), UInt8(ascii: "f"): break
            case UInt8(ascii: "u") where index + 4 <= raw.upperBound:
                var scalar: UInt32 = 0
                for digit in line[index..<index + 4] {
                    guard let value = Self.hexValue(digit) else { return false }
                    scalar = scalar << 4 | value
                }
                guard scalar < 0x80, scalar != 0x0D else { return false }
                out.append(UInt8(scalar))
                index += 4
            default:
                guard escaped < 0x80, escaped != 0x0D else { return false }
                out.append(escaped)
            }
        }
        return true
    }

    private func isExecutionLogMessage(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { all in
            let prefix = UnsafeBufferPointer(rebasing: all.prefix(200))
            return ExecutionLogSample.isKnown(prefix) || ExecutionLogSample.isKnownMessage(prefix, at: 0)
        }
    }

    /// `AWSIdentifiers.isRequestID` on bytes.
    private static func isRequestID(_ bytes: [UInt8]) -> Bool {
        (8...64).contains(bytes.count)
            && bytes.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x3D || $0 == 0x5F || $0 == 0x2D }
    }

    private static func index(of key: [UInt8], in names: [StaticString]) -> Int? {
        key.withUnsafeBufferPointer { key in
            names.firstIndex { key.count == $0.utf8CodeUnitCount && key.hasPrefix($0) }
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
