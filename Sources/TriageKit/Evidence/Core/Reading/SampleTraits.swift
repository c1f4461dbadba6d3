/// What the first bytes of a file say about it as text: binary, not UTF-8, JSON that does not close.
///
/// Decides nothing about the kind of evidence; it explains, in the report, why a file could not be
/// recognised or what was replaced while reading it.
struct SampleTraits {
    /// NUL bytes, or mostly control characters: not a text file.
    let isBinary: Bool
    /// Invalid UTF-8 sequences (each replaced by U+FFFD when read).
    let invalidUTF8: Int
    /// Starts like a JSON document (`{` or `[` first).
    let looksLikeJSON: Bool

    init(_ bytes: [UInt8], isComplete: Bool) {
        let controls = bytes.lazy.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }.count
        isBinary = bytes.contains(0) || (bytes.count >= 16 && controls * 10 > bytes.count)
        // A sample cut at its size limit may end inside a character: that is not an error.
        invalidUTF8 = Self.invalidSequences(in: bytes, toleratingCutEnd: !isComplete)
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        looksLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    private static func invalidSequences(in bytes: [UInt8], toleratingCutEnd: Bool) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var invalid = 0
        var consumed = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): consumed += scalar.count
            case .error(let length):
                consumed += length
                // An incomplete sequence in the last 3 bytes of a cut sample is the cut, not the file.
                if !(toleratingCutEnd && consumed > bytes.count - 4) { invalid += 1 }
            case .emptyInput: break loop
            }
        }
        return invalid
    }
}
