/// Pulls the `@message` column out of a CloudWatch Logs Insights CSV export as it streams past:
/// a state machine over bytes, so a quoted multi-line message or a 100 MB field costs no more
/// memory than `maxMessageBytes`.
///
/// - RFC 4180: fields separated by `,`, records by `\n` or `\r\n`; a field in double quotes may
///   hold commas, line breaks and `""` (one quote).
/// - The first record is the header; the column named `@message` holds the log lines, `@log`
///   (`123456789012:/aws/lambda/orders`) the account and log group.
/// - Each message is handed over split at its own line breaks, numbered with the file line where
///   the field starts, so a finding quotes a line the user can find.
struct InsightsCSVStream: Sendable {
    let maxMessageBytes: Int
    /// Hands a message the execution-log scan drops for its first bytes over cut after them,
    /// `""` undecoded (`IgnoredMessageHead`); only that scan may ask for it.
    let cutsIgnoredMessages: Bool

    /// Records read after the header.
    private(set) var records = 0
    /// Lines of the file so far (`wc -l`, plus an unterminated last line).
    var lineCount: Int { lastByte == 0x0A || lastByte == nil ? line - 1 : line }
    /// The header has no `@message` column: nothing to hand over.
    private(set) var hasNoMessageColumn = false
    /// The file ends inside a quoted field (a cut export).
    var isComplete: Bool { !inQuotes }
    /// The first `@log` value.
    private(set) var logGroup: String?

    private var line = 1
    private var lastByte: UInt8?
    private var inHeader = true
    private var header: [[UInt8]] = []
    private var messageColumn: Int?
    private var logColumn: Int?
    private var column = 0
    private var inQuotes = false
    private var quoteSeen = false  // a `"` inside quotes: the end, or the first of `""`
    private var fieldStart = true
    private var field: [UInt8] = []
    private var fieldLine = 1

    init(maxMessageBytes: Int = 256 * 1024, cutsIgnoredMessages: Bool = false) {
        self.maxMessageBytes = maxMessageBytes
        self.cutsIgnoredMessages = cutsIgnoredMessages
    }

    /// Whether a file's first line is a Logs Insights CSV header: comma-separated field names,
    /// `@message` among them, and every name a query field (`@timestamp`, `@logStream`, `status`).
    static func looksLikeExport(_ head: String) -> Bool {
        // `\r\n` is one `Character`: a Windows-saved export's header ends there too.
        let firstLine = head.drop { $0 == "\u{FEFF}" }.prefix { $0 != "\n" && $0 != "\r\n" }.trimmingTrailingWhitespace()
        guard firstLine.count <= 2_000, firstLine.contains(",") else { return false }
        let names = firstLine.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingScalars { $0 == "\"" }
        }
        return names.contains("@message")
            && names.allSatisfy { name in
                !name.isEmpty && name.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "@._-".utf8.contains($0) }
            }
    }

    /// Feeds the next bytes; `emit` gets each line of each `@message` with its line number.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if let last = bytes.last { lastByte = last }
        var index = 0
        while index < bytes.count {
            if column == 0, fieldStart, !inQuotes, !inHeader, let base = bytes.baseAddress,
                let end = wholeRecord(base, from: index, to: bytes.count, emit: emit)
            {
                index = end
                continue
            }
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if !quoteSeen, byte != UInt8(ascii: "\""), byte != 0x0A { index = skipQuoted(bytes, from: index - 1) }
                else { quoted(byte, emit: emit) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where fieldStart:
                if let base = bytes.baseAddress, let end = quotedMessage(base, from: index, to: bytes.count, emit: emit) {
                    index = end
                    continue
                }
                inQuotes = true
                fieldStart = false
                fieldLine = line
            case UInt8(ascii: ","):
                endField(emit: emit)
            case 0x0A:
                endField(emit: emit)
                endRecord()
                line += 1
            case 0x0D:
                break  // the `\r` of `\r\n`
            default:
                // An unquoted field's bytes up to the next comma or line break, in one step.
                if let base = bytes.baseAddress {
                    let end = ByteScan.first(UInt8(ascii: ","), 0x0A, 0x0D, in: base, from: index, to: bytes.count)
                    if fieldStart, isMessage(base, field: index - 1..<end, count: bytes.count, emit: emit) {
                        index = end
                        continue
                    }
                    appendRun(UnsafeBufferPointer(start: base + index - 1, count: end - index + 1))
                    index = end
                } else {
                    append(byte)
                }
            }
        }
    }

    /// A record after the header read in one go, when it lies whole in the chunk and every field
    /// is plain: unquoted up to its `,` or line break, or quoted and closed on its line (`""`
    /// inside), each ending in `,`, `\n` or `\r` and one of them. Fields are found with
    /// word-at-a-time searches; the message goes over as `feed` would hand it (in place, cut
    /// when the scan ignores it, or with `""` made one quote) and the offset after the record's
    /// line break is returned, the stream at the next record. Anything else (a lone `\r`, a quote
    /// after a closing quote, a line break in quotes, the log group still wanted, the chunk's end):
    /// nil, nothing changed, and `feed` reads the record byte by byte.
    @inline(__always)
    private mutating func wholeRecord(
        _ base: UnsafePointer<UInt8>, from start: Int, to count: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int? {
        var index = start
        var current = 0
        var message: Range<Int>?
        var firstQuote = 0  // in a quoted message, its first inner quote (its end when none)
        while true {
            var fieldEnd: Int
            if index < count, base[index] == UInt8(ascii: "\"") {
                let quote = ByteScan.firstWide(UInt8(ascii: "\""), 0x0A, 0x0A, in: base, from: index + 1, to: count)
                guard let close = Self.closingQuote(base, from: quote, to: count) else { return nil }
                if current == messageColumn {
                    message = index + 1..<close
                    firstQuote = quote
                }
                if current == logColumn, logGroup == nil { return nil }
                fieldEnd = close + 1
            } else {
                fieldEnd = ByteScan.firstWide(UInt8(ascii: ","), 0x0A, 0x0D, in: base, from: index, to: count)
                if current == messageColumn {
                    message = index..<fieldEnd
                    firstQuote = fieldEnd
                }
                if current == logColumn, logGroup == nil, fieldEnd > index { return nil }
            }
            // `,`, `\n`, or `\r` and one of them (the `\r` is dropped).
            if fieldEnd < count, base[fieldEnd] == 0x0D { fieldEnd += 1 }
            guard fieldEnd < count else { return nil }
            if base[fieldEnd] == 0x0A {
                index = fieldEnd + 1
                break
            }
            guard base[fieldEnd] == UInt8(ascii: ",") else { return nil }
            current += 1
            index = fieldEnd + 1
        }
        if let message {
            if firstQuote >= message.upperBound {
                let kept = min(message.count, maxMessageBytes)
                Self.emitLine(UnsafeBufferPointer(start: base + message.lowerBound, count: kept), number: line, emit)
            } else if cutsIgnoredMessages, maxMessageBytes >= IgnoredMessageHead.length, message.count <= IgnoredMessageHead.maxRawBytes,
                IgnoredMessageHead.allows(base + message.lowerBound, plain: firstQuote - message.lowerBound)
            {
                emit(UnsafeBufferPointer(start: base + message.lowerBound, count: IgnoredMessageHead.length), line)
            } else {
                undoubleQuotes(base, message, firstQuote: firstQuote)
                let kept = min(field.count, maxMessageBytes)
                let number = line
                field.withUnsafeBufferPointer { Self.emitLine(UnsafeBufferPointer(rebasing: $0[..<kept]), number: number, emit) }
                field.removeAll(keepingCapacity: true)
            }
        }
        records += 1
        line += 1
        return index
    }

    /// The quoted field `range` (between its quotes, `""` first at `firstQuote`) into `field`,
    /// each `""` one quote, as far as `maxMessageBytes`.
    private mutating func undoubleQuotes(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, firstQuote: Int) {
        var runStart = range.lowerBound
        var quote = firstQuote
        while quote < range.upperBound, field.count < maxMessageBytes {
            // The run and one quote of the `""`.
            field.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: quote + 1 - runStart))
            runStart = quote + 2
            quote = ByteScan.first(UInt8(ascii: "\""), UInt8(ascii: "\""), UInt8(ascii: "\""), in: base, from: runStart, to: range.upperBound)
        }
        if field.count < maxMessageBytes, runStart < range.upperBound {
            field.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: range.upperBound - runStart))
        }
    }

    /// Whether the field at `range` (unquoted, whole in the chunk, up to a `,` or a line break) is
    /// the message column; it is handed over where it lies, with no copy. `endField` at its
    /// terminator then finds the field empty and hands over nothing more.
    @inline(__always)
    private mutating func isMessage(
        _ base: UnsafePointer<UInt8>, field range: Range<Int>, count: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Bool {
        guard !inHeader, column == messageColumn, Self.endsField(base, at: range.upperBound, count: count) else { return false }
        fieldStart = false
        fieldLine = line
        Self.emitLine(UnsafeBufferPointer(start: base + range.lowerBound, count: min(range.count, maxMessageBytes)), number: line, emit)
        return true
    }

    /// The quoted field opening at `start` (after its quote) when it is the message column, closes
    /// in this chunk and holds no line break: handed over where it lies, or, when it holds `""`,
    /// with each `""` made one `"` in `field` (as the byte-by-byte path would keep it). Returns the
    /// offset after the closing quote, or nil for the byte-by-byte path (nothing changed).
    @inline(__always)
    private mutating func quotedMessage(
        _ base: UnsafePointer<UInt8>, from start: Int, to count: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int? {
        guard !inHeader, column == messageColumn else { return nil }
        let quote = ByteScan.first(UInt8(ascii: "\""), 0x0A, 0x0A, in: base, from: start, to: count)
        guard quote < count, base[quote] == UInt8(ascii: "\"") else { return nil }
        if quote + 1 < count, base[quote + 1] == UInt8(ascii: "\"") {
            return escapedQuotedMessage(base, from: start, firstQuote: quote, to: count, emit: emit)
        }
        guard Self.endsField(base, at: quote + 1, count: count) else { return nil }
        fieldStart = false
        fieldLine = line
        Self.emitLine(UnsafeBufferPointer(start: base + start, count: min(quote - start, maxMessageBytes)), number: line, emit)
        return quote + 1
    }

    /// `quotedMessage` for a field holding `""`: from quote to quote, the runs between them copied
    /// once into `field` (empty at a field's start), a `""` kept as one `"`. A line break, or a
    /// quote whose next byte is past the chunk, leaves the field to the byte-by-byte path.
    private mutating func escapedQuotedMessage(
        _ base: UnsafePointer<UInt8>, from start: Int, firstQuote: Int, to count: Int, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int? {
        // A body the execution-log scan ignores: its end found, nothing decoded or copied.
        if cutsIgnoredMessages, maxMessageBytes >= IgnoredMessageHead.length,
            IgnoredMessageHead.allows(base + start, plain: firstQuote - start),
            let close = Self.closingQuote(base, from: firstQuote, to: count), close - start <= IgnoredMessageHead.maxRawBytes,
            Self.endsField(base, at: close + 1, count: count)
        {
            fieldStart = false
            fieldLine = line
            emit(UnsafeBufferPointer(start: base + start, count: IgnoredMessageHead.length), line)
            return close + 1
        }
        var runStart = start
        var quote = firstQuote
        while quote + 1 < count, base[quote + 1] == UInt8(ascii: "\"") {
            // `""`: the run and one quote are the field's; the next quote is searched after both.
            if field.count < maxMessageBytes { field.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: quote + 1 - runStart)) }
            runStart = quote + 2
            quote = ByteScan.first(UInt8(ascii: "\""), 0x0A, 0x0A, in: base, from: runStart, to: count)
            guard quote < count, base[quote] == UInt8(ascii: "\"") else { break }
        }
        guard quote + 1 < count, base[quote] == UInt8(ascii: "\""), Self.endsField(base, at: quote + 1, count: count) else {
            field.removeAll(keepingCapacity: true)
            return nil
        }
        field.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: quote - runStart))
        fieldStart = false
        fieldLine = line
        let kept = min(field.count, maxMessageBytes)
        let number = line
        field.withUnsafeBufferPointer { Self.emitLine(UnsafeBufferPointer(rebasing: $0[..<kept]), number: number, emit) }
        field.removeAll(keepingCapacity: true)
        return quote + 1
    }

    /// The quote closing a quoted field, searched from `quote` (a quote inside it), each `""` taken
    /// as one quote; nil at a line break, or where the chunk ends before a quote's next byte.
    private static func closingQuote(_ base: UnsafePointer<UInt8>, from quote: Int, to count: Int) -> Int? {
        var quote = quote
        while quote + 1 < count, base[quote] == UInt8(ascii: "\"") {
            if base[quote + 1] != UInt8(ascii: "\"") { return quote }
            quote = ByteScan.firstWide(UInt8(ascii: "\""), 0x0A, 0x0A, in: base, from: quote + 2, to: count)
        }
        return nil
    }

    /// Whether the field read up to `end` ends there: a `,` or `\n` follows, or a `\r` and then one
    /// of them (a lone `\r` is dropped and the field goes on, so that is left to the slow path).
    @inline(__always)
    private static func endsField(_ base: UnsafePointer<UInt8>, at end: Int, count: Int) -> Bool {
        var next = end
        if next < count, base[next] == 0x0D { next += 1 }
        return next < count && (base[next] == UInt8(ascii: ",") || base[next] == 0x0A)
    }

    /// The state at the start of a record after the header: which columns hold the message and
    /// the log group is all that a stream started there needs (with its own counts).
    struct Boundary: Equatable, Sendable {
        var messageColumn: Int?
        var logColumn: Int?
    }

    /// The state here when it is the start of a record after the header (no quote open, no field
    /// begun), else nil.
    var boundary: Boundary? {
        guard !inHeader, !inQuotes, !quoteSeen, fieldStart, column == 0, field.isEmpty else { return nil }
        return Boundary(messageColumn: messageColumn, logColumn: logColumn)
    }

    /// A stream like this one (same limits), started fresh at the record start `boundary`.
    func resumed(at boundary: Boundary) -> InsightsCSVStream {
        var stream = InsightsCSVStream(maxMessageBytes: maxMessageBytes, cutsIgnoredMessages: cutsIgnoredMessages)
        stream.inHeader = false
        stream.messageColumn = boundary.messageColumn
        stream.logColumn = boundary.logColumn
        stream.hasNoMessageColumn = boundary.messageColumn == nil
        return stream
    }

    /// Hands over a last record that has no line break after it.
    mutating func finish(emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if !fieldStart || column > 0 {
            endField(emit: emit)
            endRecord()
        }
    }

    private mutating func quoted(_ byte: UInt8, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if quoteSeen {
            quoteSeen = false
            if byte == UInt8(ascii: "\"") {
                append(byte)
                return
            }
            inQuotes = false
            // The closing quote: this byte is read as outside quotes.
            feedOutside(byte, emit: emit)
            return
        }
        if byte == UInt8(ascii: "\"") {
            quoteSeen = true
            return
        }
        if byte == 0x0A { line += 1 }
        append(byte)
    }

    /// Inside quotes, the bytes up to the next quote or line break in one step (kept while the
    /// field is wanted and not full): a 100 MB field is not walked byte by byte.
    private mutating func skipQuoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let range = start..<bytes.count
        let quote = bytes.firstOffset(of: UInt8(ascii: "\""), in: range) ?? bytes.count
        let newline = bytes.firstOffset(of: 0x0A, in: start..<quote) ?? quote
        if fieldStart {
            fieldStart = false
            fieldLine = line
        }
        let limit = inHeader ? 256 : maxMessageBytes
        if isWanted, field.count < limit {
            let count = min(newline - start, limit - field.count)
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + count]))
        }
        return newline
    }

    private mutating func feedOutside(_ byte: UInt8, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        switch byte {
        case UInt8(ascii: ","): endField(emit: emit)
        case 0x0A:
            endField(emit: emit)
            endRecord()
            line += 1
        case 0x0D: break
        default: append(byte)
        }
    }

    private var isWanted: Bool {
        inHeader || column == messageColumn || (column == logColumn && logGroup == nil)
    }

    private mutating func append(_ byte: UInt8) {
        if fieldStart {
            fieldStart = false
            fieldLine = line
        }
        let limit = inHeader ? 256 : maxMessageBytes
        if isWanted, field.count < limit { field.append(byte) }
    }

    /// `append` for each byte of `run`, in one copy.
    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        if fieldStart {
            fieldStart = false
            fieldLine = line
        }
        let limit = inHeader ? 256 : maxMessageBytes
        if isWanted, field.count < limit {
            field.append(contentsOf: UnsafeBufferPointer(rebasing: run.prefix(limit - field.count)))
        }
    }

    private mutating func endField(emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if fieldStart { fieldLine = line }
        if inHeader {
            var name = field
            if column == 0, name.starts(with: [0xEF, 0xBB, 0xBF]) { name.removeFirst(3) }
            header.append(name)
        } else if column == messageColumn {
            emitLines(emit)
        } else if column == logColumn, logGroup == nil, !field.isEmpty, field.count <= 600 {
            logGroup = String(decoding: field, as: UTF8.self)
        }
        if !field.isEmpty { field.removeAll(keepingCapacity: true) }
        fieldStart = true
        column += 1
    }

    private mutating func endRecord() {
        if inHeader {
            inHeader = false
            messageColumn = header.firstIndex { $0.elementsEqual("@message".utf8) }
            logColumn = header.firstIndex { $0.elementsEqual("@log".utf8) }
            hasNoMessageColumn = messageColumn == nil
            header = []
        } else {
            records += 1
        }
        column = 0
    }

    private mutating func emitLines(_ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        let firstLine = fieldLine
        field.withUnsafeBufferPointer { Self.emitLines(of: $0, number: firstLine, emit) }
    }

    /// `emitLines` for a field with no line break in it: itself, less the `\r`s that end it.
    @inline(__always)
    private static func emitLine(_ field: UnsafeBufferPointer<UInt8>, number: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var count = field.count
        while count > 0, field[count - 1] == 0x0D { count -= 1 }
        if count > 0 { emit(UnsafeBufferPointer(rebasing: field[..<count]), number) }
    }

    /// A message's lines (trailing line breaks dropped, `\r\n` as one break), numbered from the
    /// line where the field starts.
    private static func emitLines(
        of message: UnsafeBufferPointer<UInt8>, number firstLine: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) {
        var start = 0
        var count = message.count
        while count > 0, message[count - 1] == 0x0A || message[count - 1] == 0x0D { count -= 1 }
        var number = firstLine
        while start < count {
            let end = message.firstOffset(of: 0x0A, in: start..<count) ?? count
            var lineEnd = end
            if lineEnd > start, message[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            emit(UnsafeBufferPointer(rebasing: message[start..<lineEnd]), number)
            start = end + 1
            number += 1
        }
    }
}
