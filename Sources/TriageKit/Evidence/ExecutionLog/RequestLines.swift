/// The kept lines of one request, as the classifier reads them.
///
/// Byte views into the scan's buffers: valid only inside the closure that made them (see
/// `PendingRequest.withRequestLines`). Continuation lines (a body's next lines) follow the line
/// they continue, so "the body" is a line plus the continuation lines after it: a *block*.
struct RequestLines {
    struct Line {
        let number: Int
        /// The whole line as in the file (for quoting).
        let text: UnsafeBufferPointer<UInt8>
        /// The message after the prefix; the whole line for a continuation line.
        let message: UnsafeBufferPointer<UInt8>
        let isContinuation: Bool
        let signal: ExecutionLogCatalogue.Signal?
    }

    let path: String
    let requestID: String
    /// The status from `Method completed with status: NNN`; nil when the log ends first.
    let status: Int?
    let lines: [Line]

    init(path: String, requestID: String, status: Int?, lines: [(number: Int, text: UnsafeBufferPointer<UInt8>, message: Int?)]) {
        self.path = path
        self.requestID = requestID
        self.status = status
        self.lines = lines.map { line in
            guard let start = line.message else {
                return Line(number: line.number, text: line.text, message: line.text, isContinuation: true, signal: nil)
            }
            let message = UnsafeBufferPointer(rebasing: line.text[min(start, line.text.count)...])
            return Line(
                number: line.number, text: line.text, message: message, isContinuation: false,
                signal: ExecutionLogCatalogue.signal(of: message))
        }
    }

    /// The first line whose signal satisfies `predicate`.
    func first(where predicate: (ExecutionLogCatalogue.Signal) -> Bool) -> Int? {
        lines.indices.first { lines[$0].signal.map(predicate) ?? false }
    }

    func first(_ signal: ExecutionLogCatalogue.Signal) -> Int? {
        first(where: { $0 == signal })
    }

    /// The first line (not a continuation) whose message starts with `literal`.
    func message(startingWith literal: StaticString) -> Int? {
        lines.indices.first { !lines[$0].isContinuation && lines[$0].message.hasPrefix(literal) }
    }

    /// The line of the block at `index` (that line and its continuation lines) that contains `literal`.
    func block(at index: Int?, containing literal: StaticString) -> Int? {
        guard let index else { return nil }
        var current = index
        repeat {
            if lines[current].message.firstOffset(of: literal) != nil { return current }
            current += 1
        } while current < lines.count && lines[current].isContinuation
        return nil
    }

    /// The first line anywhere in the request that contains `literal`.
    func anyLine(containing literal: StaticString) -> Int? {
        lines.indices.first { lines[$0].message.firstOffset(of: literal) != nil }
    }

    /// The evidence quote of a line.
    func evidence(_ index: Int) -> EvidenceLine {
        EvidenceLine(file: path, line: lines[index].number, text: EvidenceText.quote(lines[index].text.text(0..<lines[index].text.count)))
    }
}
