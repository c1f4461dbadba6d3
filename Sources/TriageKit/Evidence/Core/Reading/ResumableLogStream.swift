/// A wrapper's stream (`LogEventsJSONStream`, `InsightsCSVStream`) that can read one part of a file
/// on its own: started at a record boundary in the state the whole-file stream has there, it hands
/// over the same lines (numbered from the part's first line) and ends in the same state.
///
/// Where the boundaries are is never guessed from the bytes alone: `mayStartRecord` only picks the
/// lines worth asking, and the stream that read up to one says whether it stands at a boundary
/// (`boundary`), so a quoted field or a string holding a line that looks like a record start
/// cannot fool the reader (`EvidenceFile.forEachLogLine(in:stream:expecting:…)`).
protocol ResumableLogStream: Sendable {
    /// The state at a record boundary, less the counts (lines, records) a part keeps for itself.
    associatedtype Boundary: Equatable, Sendable

    /// The state here when the stream stands between records, else nil.
    var boundary: Boundary? { get }
    /// A stream like this one (same fields and limits), started fresh at `boundary`.
    func resumed(at boundary: Boundary) -> Self
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>, Int) -> Void)
    /// Hands over what the end of the file closes (a last record with no line break after it).
    mutating func finish(emit: (UnsafeBufferPointer<UInt8>, Int) -> Void)
    /// Lines read (`wc -l`, plus an unterminated last line).
    var lineCount: Int { get }
    /// What the cut-file problem counts: messages of a JSON wrapper, records of a CSV export.
    var itemCount: Int { get }
    /// The first `@log` value read.
    var logGroup: String? { get }
    /// Whether the document (or the last quoted field) closed.
    var isComplete: Bool { get }
    /// Whether the line starting at `start` (before `end`) looks like the start of a record: a
    /// cheap look at its first bytes, to choose where to cut and where to ask `boundary`.
    static func mayStartRecord(_ base: UnsafePointer<UInt8>, at start: Int, end: Int) -> Bool
}

extension LogEventsJSONStream: ResumableLogStream {
    /// The end of a document closes nothing that was not handed over already.
    mutating func finish(emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {}

    var itemCount: Int { messages }

    /// A line whose first byte after its indentation opens an object (an event of `events`, an
    /// element of an Insights export): valid JSON has no raw line break inside a string.
    static func mayStartRecord(_ base: UnsafePointer<UInt8>, at start: Int, end: Int) -> Bool {
        var index = start
        while index < end, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
        return index < end && base[index] == UInt8(ascii: "{")
    }
}

extension InsightsCSVStream: ResumableLogStream {
    var itemCount: Int { records }

    /// A line that opens with a Logs Insights timestamp and its comma (`2026-01-08 10:00:00.001,`),
    /// as every record of a console export does; the header and continuation lines of a quoted
    /// message mostly do not (and `boundary` settles the rest).
    static func mayStartRecord(_ base: UnsafePointer<UInt8>, at start: Int, end: Int) -> Bool {
        guard end - start >= timestampShape.count else { return false }
        for (offset, shape) in timestampShape.enumerated() {
            let byte = base[start + offset]
            let fits = shape == UInt8(ascii: "d") ? byte &- UInt8(ascii: "0") < 10 : byte == shape
            if !fits { return false }
        }
        return true
    }

    /// `d` for a digit, any other byte for itself.
    private static let timestampShape = Array("dddd-dd-dd dd:dd:dd.ddd,".utf8)
}
