/// The lines of a running invocation in the exact shapes Lambda writes them, taken without the
/// general reading: the bulk of a busy text-format log. The line must name the invocation the
/// scan looked up last (`recent`, a lowercase UUID), compared as five words, so no table lookup
/// and no prefix walk is needed:
///
/// - `<24-byte stamp>\t<id>\t<message>` (the runtime's own lines), the message holding no failure
///   (`LambdaFailureSignal.mayMatch` false): the general path reads the prefix by the same
///   shortcut (`LambdaLogPrefix.runtimeLine`) and the line as `LambdaQuickLine.mention`; once the
///   invocation has its time, it changes nothing.
/// - `END RequestId: <id>` ending the line: `LambdaQuickLine.end`.
/// - `REPORT RequestId: <id>` and a report in the usual shape (`LambdaReport.usual`):
///   `LambdaQuickLine.report`.
///
/// None of these shapes has a tool's prefix (no stream token), so each leaves `stream` nil as
/// the general path does, and each goes to the handler the general path calls, with the slot it
/// would look up. Anything else returns false and is read the general way.
/// `LambdaLogQuickPathTests` compares the result with the general reading.
extension LambdaLogScan {
    /// True when the line was taken. Only called while `recent` holds a lowercase UUID.
    @inline(__always)
    mutating func consumeLeanly(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        guard line.count >= 51, let base = line.baseAddress else { return false }
        switch base[0] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // The message after the id must be 38 bytes or more, as `LambdaQuickLine` asks of a
            // mention (a shorter one is read as no mention at all).
            guard line.count > 62, base[24].isASCIISpaceOrTab, base[61].isASCIISpaceOrTab, recent.matches(base + 25),
                LambdaLogPrefix.isStamp(base), !LambdaFailureSignal.mayMatch(UnsafeBufferPointer(rebasing: line[62...]))
            else { return false }
            stream = nil
            if !recent.timed {
                states[recent.slot].noteTime { LambdaStamp(UnsafeBufferPointer(rebasing: line[0..<24])) }
                recent.timed = true
            }
            return true
        case UInt8(ascii: "S"):
            // `START RequestId: <id>`: a new invocation, looked up as `LambdaQuickLine.start` would;
            // a text line has no time of its own.
            guard Self.word(base, 0) == Self.startHead, Self.word(base, 8) == Self.startMiddle, Self.word(base, 9) == Self.startTail,
                UUIDBytes.isUUID(base + 17, lowercaseOnly: true), line.count == 53 || base[53].isASCIISpaceOrTab
            else { return false }
            stream = nil
            platformLines += 1
            started(slot(forID: UnsafeBufferPointer(rebasing: line[17..<53])), time: { nil })
            return true
        case UInt8(ascii: "E"):
            guard line.count == 51, Self.word(base, 0) == Self.endHead, Self.word(base, 7) == Self.endTail, recent.matches(base + 15)
            else { return false }
            stream = nil
            platformLines += 1
            ended(recent.slot)
            return true
        case UInt8(ascii: "R"):
            guard line.count > 54, Self.word(base, 0) == Self.reportHead, Self.word(base, 8) == Self.reportMiddle,
                Self.word(base, 10) == Self.reportTail, recent.matches(base + 18), base[54].isASCIISpaceOrTab,
                let report = LambdaReport.usual(UnsafeBufferPointer(rebasing: line[54...]))
            else { return false }
            stream = nil
            platformLines += 1
            took(report, slot: recent.slot, line: line, number: number)
            return true
        default:
            return false
        }
    }

    /// The eight bytes at `offset` as a little-endian word.
    @inline(__always)
    private static func word(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    // `START RequestId: ` as its bytes 0-7, 8-15 and 9-16; `END RequestId: ` as its bytes 0-7 and 7-14; `REPORT RequestId: ` as its bytes 0-7, 8-15 and
    // 10-17 (words may overlap). Literals, little-endian (a computed static is a lazy global,
    // checked on every use); `LambdaLogQuickPathTests` checks them against the text.
    static let startHead: UInt64 = 0x6552_2054_5241_5453
    static let startMiddle: UInt64 = 0x3A64_4974_7365_7571
    static let startTail: UInt64 = 0x203A_6449_7473_6575
    static let endHead: UInt64 = 0x7571_6552_2044_4E45
    static let endTail: UInt64 = 0x203A_6449_7473_6575
    static let reportHead: UInt64 = 0x5220_5452_4F50_4552
    static let reportMiddle: UInt64 = 0x6449_7473_6575_7165
    static let reportTail: UInt64 = 0x203A_6449_7473_6575
}
