/// Turns a seed file into a hostile variant: bit flips, cut and repeated pieces, splices of two
/// seeds, and the tokens that have broken parsers before (control characters, deep brackets,
/// YAML anchors, huge numbers, invalid UTF-8, very long lines).
struct FuzzMutator {
    var random: SplitMix64

    /// Tokens inserted whole: each has a history of breaking some reader.
    static let tokens: [[UInt8]] = [
        "\u{1B}]52;c;aGk=\u{07}", "\u{1B}[2J", "\u{202E}", "\u{85}", "\u{7F}", "\0", "\r", "\n\n", "\t",
        "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\ud800", ": ", "- ", "&a ", "*a", "!Ref ", "<<: *a",
        "-----BEGIN PRIVATE KEY-----\n", "AKIAIOSFODNN7EXAMPLE", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
        "https://user:pass@host/", "X-Amz-Security-Token=", "9999999999999999999999999", "-1", "1e999", "null",
        "Endpoint response body before transformations: ", "Execution failed due to configuration error: ",
        "Task timed out after 3.00 seconds", "\"statusCode\": 502", "HTTP/1.1 502 Bad Gateway\r\n", "REPORT RequestId: ",
    ].map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98]]

    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        let rounds = 1 + Int(random.next() % 4)
        for _ in 0..<rounds { bytes = mutateOnce(bytes, other: other) }
        return bytes
    }

    private mutating func position(in bytes: [UInt8]) -> Int {
        bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
    }

    private mutating func mutateOnce(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        switch random.next() % 9 {
        case 0 where !bytes.isEmpty:
            // Flip a bit.
            let at = Int(random.next() % UInt64(bytes.count))
            bytes[at] ^= UInt8(1 << (random.next() % 8))
        case 1:
            // Insert a token.
            let token = Self.tokens[Int(random.next() % UInt64(Self.tokens.count))]
            bytes.insert(contentsOf: token, at: position(in: bytes))
        case 2 where !bytes.isEmpty:
            // Cut a piece (truncation when it reaches the end).
            let start = Int(random.next() % UInt64(bytes.count))
            let length = Int(random.next() % UInt64(min(bytes.count - start, 4096) + 1))
            bytes.removeSubrange(start..<(start + length))
        case 3 where !bytes.isEmpty:
            // Repeat a piece many times (long lines, deep nesting, many records).
            let start = Int(random.next() % UInt64(bytes.count))
            let length = 1 + Int(random.next() % UInt64(min(bytes.count - start, 64)))
            let times = 2 + Int(random.next() % 2000)
            let piece = Array(bytes[start..<(start + length)])
            var repeated: [UInt8] = []
            repeated.reserveCapacity(piece.count * times)
            for _ in 0..<times { repeated += piece }
            bytes.insert(contentsOf: repeated, at: start)
        case 4 where !other.isEmpty:
            // Splice: the start of this seed, the end of another.
            let cut = position(in: bytes)
            let from = Int(random.next() % UInt64(other.count))
            bytes = Array(bytes[..<cut]) + other[from...]
        case 5:
            // Deep brackets.
            let open = Array((random.next() % 2 == 0 ? "[" : "{\"a\":").utf8)
            let depth = 1 + Int(random.next() % 3000)
            var deep: [UInt8] = []
            for _ in 0..<depth { deep += open }
            bytes.insert(contentsOf: deep, at: position(in: bytes))
        case 6 where !bytes.isEmpty:
            // Overwrite a byte with an interesting value.
            let values: [UInt8] = [0, 0x1B, 0x7F, 0x80, 0xFF, 0x0A, 0x0D, 0x22, 0x5C, 0x7B, 0x7D]
            bytes[Int(random.next() % UInt64(bytes.count))] = values[Int(random.next() % UInt64(values.count))]
        case 7 where !bytes.isEmpty:
            // Swap two lines' worth of bytes.
            let a = Int(random.next() % UInt64(bytes.count))
            let b = Int(random.next() % UInt64(bytes.count))
            bytes.swapAt(a, b)
        default:
            // A YAML alias ladder, sometimes large enough to be a bomb.
            let levels = 2 + Int(random.next() % 8)
            var text = "a0: &a0 [x, x]\n"
            for level in 1..<levels {
                text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
            }
            bytes.insert(contentsOf: Array(text.utf8), at: position(in: bytes))
        }
        // Keep inputs at most 1 MiB: bigger ones test the disk, not the parsers.
        return bytes.count > 1 << 20 ? Array(bytes.prefix(1 << 20)) : bytes
    }
}
