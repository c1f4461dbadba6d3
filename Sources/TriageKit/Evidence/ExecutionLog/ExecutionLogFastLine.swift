#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// eight bytes or longer but `Lambda `, compared on its seven; `Method request path:` on two words). False means `.ignore` for sure;
    /// true means "ask `ExecutionLogMessageRole`".
    /// `count` is the line's length: `Method r` is only asked about when its second word
    /// (`equest p` of `Method request path:`) lies in the line, so the other `Method request ...`
    /// lines (headers, query string, body) stay on the fast path.
    @inline(__always)
    static func mayMatter(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let word = UnsafeRawPointer(base + messageStart).loadUnaligned(as: UInt64.self)
        var hit = (word & lambdaMask) == lambda
        hit = hit || word == methodCompleted || word == endpoint || word == extended
        hit = hit || word == execution || word == sending || word == starting
        hit = hit || word == received || word == gateway || word == http
        hit = hit || word == key || word == there || word == authorizer || word == apiKey
        if !hit, word == methodRequest, count >= messageStart + 16 {
            hit = UnsafeRawPointer(base + messageStart + 8).loadUnaligned(as: UInt64.self) == equestPath
        }
        return hit
    }

    /// `ExecutionLogMessageRole.of(line, messageAt: messageStart)` for a standard line (see
    /// `isStandard`), decided on the first message word: one word compare picks the only prefix
    /// that can follow, so a line is compared with one or two literals instead of up to six.
    ///
    /// Exact for every standard line: every prefix `ExecutionLogMessageRole` gives a role other
    /// than `.ignore` is eight bytes or longer but `Lambda ` (seven, compared masked), so a line
    /// holding one starts with that prefix's first word, and a word that is none of them means
    /// `.ignore` there too.
    @inline(__always)
    static func role(_ base: UnsafePointer<UInt8>, count: Int) -> ExecutionLogMessageRole {
        let word = UnsafeRawPointer(base + messageStart).loadUnaligned(as: UInt64.self)
        let has = { (literal: StaticString) in hasMessagePrefix(base, count: count, literal) }
        switch word {
        case methodCompleted: return has("Method completed with status:") ? .completion : .ignore
        case methodRequest:
            // The path parameters give the route template (`ExecutionLogRouteTemplate`); `{}` has none.
            return has("Method request path: {") && !has("Method request path: {}") ? .keep : .ignore
        case endpoint:
            return has("Endpoint request URI:") || has("Endpoint request headers:") || has("Endpoint response ") ? .keep : .ignore
        case extended: return has("Extended Request Id:") ? .keep : .ignore
        case execution:
            if has("Execution failed") { return .keep }
            return has("Execution log for request") ? .consoleStart : .ignore
        case sending: return has("Sending request to") ? .keep : .ignore
        case starting: return has("Starting authorizer") ? .keep : .ignore
        case received: return has("Received response.") ? .keep : .ignore
        case gateway: return has("Gateway response") ? .keep : .ignore
        case http: return has("HTTP Method:") ? .keep : .ignore
        case key: return has("Key throttle limit exceeded") ? .keep : .ignore
        case there: return has("There was an") ? .keep : .ignore
        case authorizer: return has("Authorizer") ? .keep : .ignore
        case apiKey: return .keep  // the word is the whole prefix `API Key `
        default:
            // `Lambda ` is the whole prefix; a standard line has a message of eight bytes or more.
            return word & lambdaMask == lambda ? .keep : .ignore
        }
    }

    /// Whether the message of a standard line starts with `literal` (a constant-length `memcmp`,
    /// which the compiler turns into a few loads).
    @inline(__always)
    private static func hasMessagePrefix(_ base: UnsafePointer<UInt8>, count: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        return count - messageStart >= length && memcmp(base + messageStart, literal.utf8Start, length) == 0
    }

    // The first eight bytes of each prefix as a little-endian word, turned into the native order
    // the way a loaded line word is (computed properties: constants, no lazy global to check).
    @inline(__always) private static var methodCompleted: UInt64 { UInt64(littleEndian: 0x6320_646F_6874_654D) }  // "Method c"
    @inline(__always) private static var endpoint: UInt64 { UInt64(littleEndian: 0x746E_696F_7064_6E45) }  // "Endpoint"
    @inline(__always) private static var extended: UInt64 { UInt64(littleEndian: 0x6465_646E_6574_7845) }  // "Extended"
    @inline(__always) private static var execution: UInt64 { UInt64(littleEndian: 0x6F69_7475_6365_7845) }  // "Executio"
    @inline(__always) private static var sending: UInt64 { UInt64(littleEndian: 0x2067_6E69_646E_6553) }  // "Sending "
    @inline(__always) private static var starting: UInt64 { UInt64(littleEndian: 0x676E_6974_7261_7453) }  // "Starting"
    @inline(__always) private static var received: UInt64 { UInt64(littleEndian: 0x6465_7669_6563_6552) }  // "Received"
    @inline(__always) private static var gateway: UInt64 { UInt64(littleEndian: 0x2079_6177_6574_6147) }  // "Gateway "
    @inline(__always) private static var http: UInt64 { UInt64(littleEndian: 0x7465_4D20_5054_5448) }  // "HTTP Met"
    @inline(__always) private static var key: UInt64 { UInt64(littleEndian: 0x6F72_6874_2079_654B) }  // "Key thro"
    @inline(__always) private static var there: UInt64 { UInt64(littleEndian: 0x6177_2065_7265_6854) }  // "There wa"
    @inline(__always) private static var authorizer: UInt64 { UInt64(littleEndian: 0x7A69_726F_6874_7541) }  // "Authoriz"
    @inline(__always) private static var apiKey: UInt64 { UInt64(littleEndian: 0x2079_654B_2049_5041) }  // "API Key "
    @inline(__always) private static var methodRequest: UInt64 { UInt64(littleEndian: 0x7220_646F_6874_654D) }  // "Method r"
    @inline(__always) private static var equestPath: UInt64 { UInt64(littleEndian: 0x7020_7473_6575_7165) }  // "equest p"
    /// `Lambda ` and a mask keeping its seven bytes.
    @inline(__always) private static var lambda: UInt64 { UInt64(littleEndian: 0x0020_6164_626D_614C) }
    @inline(__always) private static var lambdaMask: UInt64 { UInt64(littleEndian: 0x00FF_FFFF_FFFF_FFFF) }

    @inline(__always) private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inline(__always) private static var spaces: UInt64 { 0x2020_2020_2020_2020 }

    /// Non-zero when some byte of `word` is zero (see `ByteScan`).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & 0x8080_8080_8080_8080
    }
}
