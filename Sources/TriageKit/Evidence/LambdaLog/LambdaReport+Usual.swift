extension LambdaReport {
    /// The figures of a `REPORT` line in the shape Lambda writes for an invocation that ended
    /// normally, read in one pass: `rest` is the line after the request id,
    /// `\tDuration: D ms\tBilled Duration: B ms\tMemory Size: M MB\tMax Memory Used: U MB`, then
    /// nothing or one tab. Nil for any other shape (a `Status`, an `Init Duration`, blanks,
    /// unusual numbers), which `init(_:)` reads.
    ///
    /// In this shape each label occurs once, where the grammar puts it, so `init(_:)`'s search for
    /// the first occurrence of each label finds the same values; no `Init Duration`, `Status` or
    /// `Error Type` occurs, so those stay nil as there.
    static func usual(_ rest: UnsafeBufferPointer<UInt8>) -> LambdaReport? {
        var cursor = 0
        guard let duration = figure(rest, &cursor, after: "\tDuration: ", unit: " ms"),
            figure(rest, &cursor, after: "\tBilled Duration: ", unit: " ms") != nil,
            let size = figure(rest, &cursor, after: "\tMemory Size: ", unit: " MB"),
            let used = figure(rest, &cursor, after: "\tMax Memory Used: ", unit: " MB"),
            cursor == rest.count || (cursor + 1 == rest.count && rest[cursor] == 0x09),
            let durationMs = bounded(duration), let memorySizeMB = megabytes(bounded(size)),
            let maxMemoryUsedMB = megabytes(bounded(used))
        else { return nil }
        return LambdaReport(durationMs: durationMs, memorySizeMB: memorySizeMB, maxMemoryUsedMB: maxMemoryUsedMB)
    }

    /// `label`, a plain decimal, `unit` at `cursor`: the number, the cursor moved past the unit.
    @inline(__always)
    private static func figure(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, after label: StaticString, unit: StaticString) -> Double? {
        guard LiteralBytes.matches(text, label, at: cursor) else { return nil }
        var end = cursor + label.utf8CodeUnitCount
        guard let value = PlainDecimal.read(text, &end), LiteralBytes.matches(text, unit, at: end) else { return nil }
        cursor = end + unit.utf8CodeUnitCount
        return value
    }

    /// `number(_:)`'s bounds on a value read from bytes.
    private static func bounded(_ value: Double) -> Double? {
        value.isFinite && value >= 0 && value < 1e12 ? value : nil
    }
}
