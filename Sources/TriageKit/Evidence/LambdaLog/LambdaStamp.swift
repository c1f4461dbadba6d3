/// A line's timestamp as it was written, kept with an invocation until it is judged
/// (`LambdaInvocation.time`); turned into text only for an invocation a finding quotes.
///
/// Nearly every invocation keeps one, and a `String` of 16 bytes or more is an allocation (and a
/// release when the invocation closes), so up to 32 bytes sit inline: a runtime's
/// `2026-01-08T10:00:00.491Z` or `aws logs tail`'s `2026-01-08T10:00:01.123000+00:00`.
struct LambdaStamp: Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count = 0
    /// A longer stamp, as text.
    private var long: String?

    private static let inlineCapacity = 32

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count <= Self.inlineCapacity {
            count = bytes.count
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        } else {
            long = String(decoding: bytes, as: UTF8.self)
        }
    }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { LambdaStamp($0) }
    }

    /// The stamp as text, invalid UTF-8 replaced (as `UnsafeBufferPointer.text` would).
    var text: String {
        if let long { return long }
        return withUnsafeBytes(of: words) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }

    static func == (left: LambdaStamp, right: LambdaStamp) -> Bool {
        left.count == right.count && left.long == right.long && left.words.0 == right.words.0 && left.words.1 == right.words.1
            && left.words.2 == right.words.2 && left.words.3 == right.words.3
    }
}
