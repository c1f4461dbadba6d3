/// One pass of the execution-log inspector over lines, the whole file's or one part's: the scan,
/// and what the lines show of how the log was delivered.
struct ExecutionLogPass: Sendable {
    var scan: ExecutionLogScan
    var delivery = ExecutionLogInspector.DeliveryShape()
    /// Reads delivered JSON events on bytes (the string reader only for lines it cannot).
    var events = DeliveredEventReader()

    /// Takes one line of the file: a delivered JSON event gives its message's lines, any other
    /// line goes to the scan as it is.
    mutating func take(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        if line.first == UInt8(ascii: "{"), events.scanLines(of: line, { scan.consume($0, number: number) }) {
            delivery.jsonEvents += 1
            return
        }
        if line.count > ExecutionLogInspector.standardEventLimit, line.firstOffset(of: "[TRUNCATED]") == nil {
            delivery.longEvents += 1
        }
        scan.consume(line, number: number)
    }
}
