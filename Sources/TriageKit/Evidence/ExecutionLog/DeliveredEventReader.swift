/// Reads the events of a delivered JSON execution log (`DeliveredLogEvent`) on bytes, with buffers
/// reused from line to line: the scan's hot path for that shape, at no `String` per line.
///
/// It walks the object exactly as `DeliveredLogEvent.read` does (the same keys, the same order of
/// preference, the same tolerance of cut lines) and hands over the same lines. Bytes and characters
/// agree only for ASCII without a carriage return, so a line holding anything else (a non-ASCII
/// key or value, a `\r`) is passed to `DeliveredLogEvent` itself: same answer, slower path.
///
/// The usual event (`DeliveredFastEvent`) is read before all that, in one pass with word compares.
struct DeliveredEventReader {
    /// The fast path for the usual event; off in tests that compare it with the general reading.
    private let usesFastPath: Bool
    private var fast = DeliveredFastEvent()
    private var message: [UInt8] = []
    /// The raw range whose decoded text `message` holds, so the chosen message is decoded once.
    private var decodedMessage: Range<Int>?
    private var value: [UInt8] = []
    private var output: [UInt8] = []
    /// Raw ranges of the values kept (escapes not decoded yet).
    private var named: Range<Int>?
    /// Values under no message or request-id key (nor a second one), in order: candidates for the
    /// message when the named one is not an execution-log message.
    private var others: [Range<Int>] = []
    private var ids: [Range<Int>?] = [nil, nil, nil, nil]

    init(usesFastPath: Bool = true) {
        self.usesFastPath = usesFastPath
    }

    /// The lines of the event in `line` (`(id) first line`, then the message's other lines), passed
    /// to `body`; false when the line is not a delivered execution-log event.
    mutating func lines(of line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        lines(of: line, cuttingIgnored: false, body)
    }

    /// `lines(of:)` for `ExecutionLogScan`: a line the scan ignores whatever follows its first
    /// message bytes may come cut after them (`DeliveredFastEvent`), with the same effect.
    mutating func scanLines(of line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        lines(of: line, cuttingIgnored: true, body)
    }

    private mutating func lines(
        of line: UnsafeBufferPointer<UInt8>, cuttingIgnored: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        if usesFastPath, fast.read(line, cuttingIgnored: cuttingIgnored, body) { return true }
        switch read(line) {
        case .event(let requestID, let plain):
            if let plain {
                emitPlain(requestID: requestID, message: plain, line: line, body)
            } else {
                emit(requestID: requestID, line: line, body)
            }
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
        /// An event; the request id a range of the line (decoded on use). The message is `plain`,
        /// a range of the line that needs no decoding, or else decoded in `message`.
        case event(requestID: Range<Int>?, plain: Range<Int>?)
        case notAnEvent
        /// Only the `String` reader can tell (non-ASCII or `\r` met).
        case needsText
    }

    private mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        var position = 0
        while position < line.count, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        guard position < line.count, line[position] == UInt8(ascii: "{"), let base = line.baseAddress else { return .notAnEvent }
        var depth = 0
        var objects: UInt64 = 0  // bit per level: 1 object, 0 array (at most 16 levels)
        var expectingKey = false
        var keyRole = KeyRole.none
        var hasStatus = false
        named = nil
        decodedMessage = nil
        others.removeAll(keepingCapacity: true)
        for index in ids.indices { ids[index] = nil }
        while position < line.count {
            let byte = line[position]
            switch byte {
            case UInt8(ascii: "\""):
                let raw = Self.string(line, base: base, at: &position)
                if depth > 0, objects >> (depth - 1) & 1 == 1, expectingKey {
                    guard let role = role(ofKey: line, raw) else { return .needsText }
                    keyRole = role
                } else {
                    // Values are only located here; one is decoded when the choice below needs it.
                    switch keyRole {
                    case .message where named == nil: named = raw
                    case .requestID(let id) where ids[id] == nil: ids[id] = raw
                    default: others.append(raw)
                    }
                    keyRole = .none
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
                if keyRole == .status { hasStatus = true }
            case UInt8(ascii: ","):
                expectingKey = depth > 0 && objects >> (depth - 1) & 1 == 1
                keyRole = .none
            default:
                break
            }
            position += 1
            if depth == 0 { break }
        }
        guard !hasStatus else { return .notAnEvent }
        // The named message wins when it is an execution-log message; otherwise the first other
        // value that is one (`DeliveredLogEvent` checks every value, but only the first match counts,
        // so checking them in order until one matches gives the same choice).
        var chosen: Range<Int>?
        if let named {
            guard let isMessage = isExecutionLogMessage(line, named) else { return .needsText }
            if isMessage { chosen = named }
        }
        if chosen == nil {
            for other in others {
                guard let isMessage = isExecutionLogMessage(line, other) else { return .needsText }
                if isMessage {
                    chosen = other
                    break
                }
            }
        }
        guard let chosen else { return .notAnEvent }
        let plain = decodedMessage != chosen && Self.isPlain(line, chosen)
        if !plain, decodedMessage != chosen { guard decode(line, chosen, into: &message) else { return .needsText } }
        var requestID: Range<Int>?
        for slot in ids.indices {
            guard let id = ids[slot], requestID == nil else { continue }
            // Without an escape the raw bytes are the id; non-ASCII or `\r` fails on both readers.
            if line[id].contains(UInt8(ascii: "\\")) {
                guard decode(line, id, into: &value) else { return .needsText }
                if value.withUnsafeBufferPointer(Self.isRequestID) { requestID = id }
            } else if Self.isRequestID(UnsafeBufferPointer(rebasing: line[id])) {
                requestID = id
            }
        }
        return .event(requestID: requestID, plain: plain ? chosen : nil)
    }

    /// What a key means for the value after it (`DeliveredKeyName`); nil when only the `String`
    /// reader can tell (non-ASCII, `\r`). A key with no escape is read where it lies.
    private mutating func role(ofKey line: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>) -> KeyRole? {
        var name = DeliveredKeyName()
        for index in raw {
            let byte = line[index]
            if byte == UInt8(ascii: "\\") { return decodedRole(ofKey: line, raw) }
            if byte >= 0x80 || byte == 0x0D { return nil }
            name.append(byte)
        }
        return KeyRole(name.role)
    }

    private mutating func decodedRole(ofKey line: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>) -> KeyRole? {
        guard decode(line, raw, into: &value) else { return nil }
        var name = DeliveredKeyName()
        for byte in value { name.append(byte) }
        return KeyRole(name.role)
    }

    /// What the last key read says about its value (`none`: no key, or its value was read).
    private enum KeyRole: Equatable {
        case none, other, message, status
        case requestID(Int)

        init(_ role: DeliveredKeyName.Role) {
            switch role {
            case .other: self = .other
            case .message: self = .message
            case .status: self = .status
            case .requestID(let id): self = .requestID(id)
            }
        }
    }

    /// `emit` for a message that is one line of its raw bytes (`isPlain`): no copy unless the
    /// request id goes in front.
    private mutating func emitPlain(
        requestID: Range<Int>?, message: Range<Int>, line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let text = UnsafeBufferPointer(rebasing: line[message])
        if text.first == UInt8(ascii: "(") {
            body(text)
            return
        }
        startOutput(requestID: requestID, line: line)
        output.append(contentsOf: text)
        output.withUnsafeBufferPointer(body)
    }

    /// `DeliveredLogEvent.lines` on bytes: the message split at its line breaks, whitespace-only
    /// trailing lines dropped, the first line given `(request-id) ` unless it has a `(` already.
    private mutating func emit(requestID: Range<Int>?, line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Where the last line worth passing ends: trailing lines of only whitespace go, the first stays.
        var end = message.count
        while let newline = message[..<end].lastIndex(of: 0x0A),
            message[(newline + 1)..<end].allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) })
        {
            end = newline
        }
        var start = 0
        while true {
            let partEnd = message[start..<end].firstIndex(of: 0x0A) ?? end
            if start == 0, message[start..<partEnd].first != UInt8(ascii: "(") {
                startOutput(requestID: requestID, line: line)
            } else {
                output.removeAll(keepingCapacity: true)
            }
            output += message[start..<partEnd]
            output.withUnsafeBufferPointer(body)
            if partEnd == end { break }
            start = partEnd + 1
        }
    }

    /// `(request-id) ` in `output`, the id decoded, or the stand-in id of an event that names none.
    private mutating func startOutput(requestID: Range<Int>?, line: UnsafeBufferPointer<UInt8>) {
        output.removeAll(keepingCapacity: true)
        output.append(UInt8(ascii: "("))
        if let requestID {
            if line[requestID].contains(UInt8(ascii: "\\")) {
                _ = decode(line, requestID, into: &value)
                output += value
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: line[requestID]))
            }
        } else {
            output += DeliveredLogEvent.unknownRequest.utf8
        }
        output += ") ".utf8
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

    /// Whether a raw value decodes to an execution-log message; nil when only the `String` reader
    /// can tell. `DeliveredLogEvent` checks the first 200 characters, which are the first 200
    /// bytes when the text is ASCII.
    private mutating func isExecutionLogMessage(_ line: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>) -> Bool? {
        if Self.isPlain(line, raw) {
            return Self.isExecutionLogMessage(UnsafeBufferPointer(rebasing: line[raw.lowerBound..<min(raw.upperBound, raw.lowerBound + 200)]))
        }
        // Decoded into `message`: when this value is chosen, it is not decoded again.
        decodedMessage = nil
        guard decode(line, raw, into: &message) else { return nil }
        decodedMessage = raw
        return message.withUnsafeBufferPointer { Self.isExecutionLogMessage(UnsafeBufferPointer(rebasing: $0.prefix(200))) }
    }

    private static func isExecutionLogMessage(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        KnownMessageIndex.startsWithKnown(text) || ExecutionLogSample.isKnown(text)
    }

    /// Whether a raw value is its own text, one line of it: ASCII with no escape and no `\r` or `\n`.
    /// Most messages are; they are checked and passed on where they lie in the line.
    private static func isPlain(_ line: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>) -> Bool {
        guard let base = line.baseAddress else { return true }
        return ByteScan.first(UInt8(ascii: "\\"), 0x0D, 0x0A, in: base, from: raw.lowerBound, to: raw.upperBound) == raw.upperBound
            && ByteScan.isASCII(base + raw.lowerBound, count: raw.count)
    }

    /// `AWSIdentifiers.isRequestID` on bytes.
    private static func isRequestID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (8...64).contains(bytes.count)
            && bytes.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x3D || $0 == 0x5F || $0 == 0x2D }
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
