/// The common execution-log line, `(<36-byte id>) message`, told apart in a few word compares.
///
/// A CloudWatch execution log is almost all such lines, and most of them (usage-plan checks,
/// method request headers and bodies, transformed bodies, `X-ray Tracing ID`) say nothing the scan
/// keeps. `ExecutionLogLineShape` and `ExecutionLogMessageRole` find that out with a `memchr`, a
/// jump on the message's first letter and one or more `memcmp`s per line; this finds it with
/// plain loads and compares, and leaves every other line (other prefixes, short lines, and the
/// lines that may matter) to them, so the scan's reading stays exactly theirs.
enum ExecutionLogFastLine {
    /// Where the id and message of a fast line sit: `(` at 0, the id at 1..<37, `) ` at 37.
    static let idRange = 1..<37
    static let messageStart = 39

    /// Whether `line` is `(id) message` with a 36-byte id holding no space and a message of at
    /// least 8 bytes: exactly the lines `ExecutionLogLineShape.of` reads as
    /// `.request(id: 1..<37, message: 39)` by its UUID fast path, cut to those whose first
    /// message word can be loaded.
    @inline(__always)
    static func isStandard(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count >= messageStart + 8, base[0] == 0x28, base[37] == 0x29, base[38] == 0x20 else { return false }
        // No blank in the id: bytes 1..<37 as words at 1, 9, 17, 25 and 29 (overlapping 29..<33).
        let raw = UnsafeRawPointer(base)
        let blanks =
            zeroBytes(raw.loadUnaligned(fromByteOffset: 1, as: UInt64.self) ^ spaces)
            | zeroBytes(raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self) ^ spaces)
            | zeroBytes(raw.loadUnaligned(fromByteOffset: 17, as: UInt64.self) ^ spaces)
            | zeroBytes(raw.loadUnaligned(fromByteOffset: 25, as: UInt64.self) ^ spaces)
            | zeroBytes(raw.loadUnaligned(fromByteOffset: 29, as: UInt64.self) ^ spaces)
        return blanks == 0
    }

    /// Whether the message of a standard line may have a role other than `.ignore`: its first
    /// eight bytes are those of one of `ExecutionLogMessageRole`'s prefixes (every prefix there is
    /// eight bytes or longer but `Lambda `, compared on its seven). False means `.ignore` for sure;
    /// true means "ask `ExecutionLogMessageRole`".
    @inline(__always)
    static func mayMatter(_ base: UnsafePointer<UInt8>) -> Bool {
        let word = UnsafeRawPointer(base + messageStart).loadUnaligned(as: UInt64.self)
        let words = prefixWords
        var hit = (word & words.lambdaMask) == words.lambda
        hit = hit || word == words.methodCompleted || word == words.endpoint || word == words.extended
        hit = hit || word == words.execution || word == words.sending || word == words.starting
        hit = hit || word == words.received || word == words.gateway || word == words.http
        hit = hit || word == words.key || word == words.there || word == words.authorizer
        return hit
    }

    /// The first eight bytes of each prefix, loaded the way a line's bytes are (so the compares
    /// hold on any byte order).
    private struct PrefixWords {
        let methodCompleted = word("Method completed with status:")
        let endpoint = word("Endpoint request URI:")
        let extended = word("Extended Request Id:")
        let execution = word("Execution failed")
        let sending = word("Sending request to")
        let starting = word("Starting authorizer")
        let received = word("Received response.")
        let gateway = word("Gateway response")
        let http = word("HTTP Method:")
        let key = word("Key throttle limit exceeded")
        let there = word("There was an")
        let authorizer = word("Authorizer")
        let lambda: UInt64
        let lambdaMask: UInt64

        init() {
            let mask: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00]
            lambdaMask = mask.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            lambda = Self.word("Lambda X") & lambdaMask
        }

        private static func word(_ literal: StaticString) -> UInt64 {
            precondition(literal.utf8CodeUnitCount >= 8)
            return UnsafeRawPointer(literal.utf8Start).loadUnaligned(as: UInt64.self)
        }
    }

    private static let prefixWords = PrefixWords()
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// Non-zero when some byte of `word` is zero (see `ByteScan`).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & 0x8080_8080_8080_8080
    }
}
