import Foundation

/// Hides secrets in text that leaves the program: reports, transcripts, evidence lines on screen
/// and in `scan` output.
///
/// - Pure and safe to share between threads; `SecretMasker.mask(_:)` is the one call front ends need.
/// - Keeps enough of a value to recognise it (`AKIA****************XYZW`), never the secret.
/// - Idempotent: masking masked text changes nothing.
/// - Cheap on ordinary lines: each rule's gate is a byte scan, and only lines that pass it meet
///   a regular expression.
public struct SecretMasker: Sendable {
    public let rules: [MaskingRule]

    public init(rules: [MaskingRule] = MaskingRule.all) {
        self.rules = rules
    }

    /// Every rule of the table (what the program uses unless `--no-mask`).
    public static let standard = SecretMasker()
    /// Masks nothing (`--no-mask`).
    public static let disabled = SecretMasker(rules: [])

    /// `standard` or `disabled`, for a `--no-mask` flag.
    public static func forOutput(masking: Bool) -> SecretMasker { masking ? standard : disabled }

    public var isEnabled: Bool { !rules.isEmpty }

    /// The text with every secret the standard rules know masked: the function for front ends.
    public static func mask(_ text: String) -> String { standard.mask(text) }

    /// The text with every secret masked. Works on one line or many.
    public func mask(_ text: String) -> String {
        var result = text
        for rule in rules where Self.passes(rule.gate, result) {
            for pattern in rule.patterns {
                result = Self.apply(pattern, style: rule.style, to: result)
            }
        }
        return result
    }

    // MARK: - Applying a pattern

    private static func apply(_ pattern: MaskingRule.Pattern, style: MaskStyle, to text: String) -> String {
        let matches = pattern.regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return text }
        var result = text
        // From the end, so the ranges of earlier matches stay valid as the text changes length.
        for match in matches.reversed() {
            let range = match.range(at: pattern.group)
            guard range.location != NSNotFound, let valueRange = Range(range, in: text) else { continue }
            let value = text[valueRange]
            if let accepts = pattern.accepts, !accepts(value) { continue }
            let masked = pattern.elements ? maskElements(value, style: style) : style.mask(value)
            if masked != value, let target = Range(range, in: result) {
                result.replaceSubrange(target, with: masked)
            }
        }
        return result
    }

    // A literal pattern, exercised by every JSON-array test.
    private static let jsonString = try! NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)

    /// Masks each string of a JSON array body (`"a=1", "b=2"`) on its own.
    private static func maskElements(_ body: Substring, style: MaskStyle) -> String {
        let text = String(body)
        var result = text
        for match in jsonString.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let inner = Range(match.range(at: 1), in: text), let target = Range(match.range(at: 1), in: result)
            else { continue }
            result.replaceSubrange(target, with: style.mask(text[inner]))
        }
        return result
    }

    // MARK: - Gates

    static func passes(_ gate: MaskingRule.Gate, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch gate {
            case .keywords(let words): words.contains { containsIgnoringASCIICase(bytes, $0) }
            case .secretKeyRun(let length): hasSecretKeyRun(bytes, length: length)
            case .longSecretKeyRun(let length): hasSecretKeyRun(bytes, atLeast: length)
            case .urlUserinfo: hasURLUserinfo(bytes)
            }
        }
    }

    /// Naive search, lowercasing ASCII on the fly; the words are short and lowercase.
    private static func containsIgnoringASCIICase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if lowercased(haystack[start]) == first {
                var offset = 1
                while offset < needle.count, lowercased(haystack[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }

    /// Whether some maximal run of `A-Za-z0-9/+` is exactly `length` long.
    private static func hasSecretKeyRun(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Bool {
        var run = 0
        for byte in bytes {
            if isSecretKeyByte(byte) {
                run += 1
            } else {
                if run == length { return true }
                run = 0
            }
        }
        return run == length
    }

    /// Whether some run of `A-Za-z0-9/+` is at least `length` long.
    private static func hasSecretKeyRun(_ bytes: UnsafeBufferPointer<UInt8>, atLeast length: Int) -> Bool {
        var run = 0
        for byte in bytes {
            run = isSecretKeyByte(byte) ? run + 1 : 0
            if run >= length { return true }
        }
        return false
    }

    /// Whether some `://` is followed by a `:` and then an `@` before a blank or one of `/?#"'<>`.
    /// The url-userinfo pattern stops at these bytes too (and at more: `\s` holds blanks beyond
    /// ASCII), so it can match only where this is true.
    private static func hasURLUserinfo(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start + 3 <= bytes.count {
            guard bytes[start] == UInt8(ascii: ":"), bytes[start + 1] == UInt8(ascii: "/"), bytes[start + 2] == UInt8(ascii: "/") else {
                start += 1
                continue
            }
            var colon = false
            var position = start + 3
            authority: while position < bytes.count {
                switch bytes[position] {
                case 0x09...0x0D, 0x20, UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                    UInt8(ascii: "<"), UInt8(ascii: ">"):
                    break authority
                case UInt8(ascii: ":"): colon = true
                case UInt8(ascii: "@") where colon: return true
                default: break
                }
                position += 1
            }
            start += 3
        }
        return false
    }

    private static func isSecretKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122, 43, 47: true
        default: false
        }
    }
}
