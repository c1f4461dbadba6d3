/// Trimming by Unicode scalars without Foundation: `trimmingCharacters(in:)` bridges through
/// `NSString`, and its first use in a process (during detection, on every scan) cost a quarter of a
/// millisecond of type lookups. Also a step towards `FoundationEssentials`, which has no
/// `trimmingCharacters`. `SampleGateTests` compares each with Foundation's on every scalar.
extension StringProtocol {
    /// The text without the scalars `trimmed` matches at either end, as `trimmingCharacters(in:)`
    /// with a set of those scalars gives it.
    func trimmingScalars(where trimmed: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }), let last = scalars.lastIndex(where: { !trimmed($0) }) else {
            return Substring(self)[endIndex...]
        }
        return Substring(scalars[first...last])
    }

    /// `trimmingCharacters(in: .whitespaces)`: a tab, a space separator (Unicode category Zs) or
    /// U+200B, the set Foundation's `CharacterSet.whitespaces` holds on Linux (it keeps the zero
    /// width space, a separator in older Unicode; `SampleGateTests` compares the two).
    func trimmingWhitespaceScalars() -> Substring {
        trimmingScalars { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`: the scalars above and the line ends of
    /// `CharacterSet.newlines` (U+000A-U+000D, U+0085, U+2028, U+2029).
    func trimmingWhitespaceAndNewlineScalars() -> Substring {
        trimmingScalars { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x85, 0x200B, 0x2028, 0x2029: true
            default: scalar.properties.generalCategory == .spaceSeparator
            }
        }
    }

    /// `trimmingCharacters(in: .whitespaces)` as a `String`, as Foundation gives it.
    func trimmedOfWhitespace() -> String { String(trimmingWhitespaceScalars()) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` as a `String`, as Foundation gives it.
    func trimmedOfWhitespaceAndNewlines() -> String { String(trimmingWhitespaceAndNewlineScalars()) }
}
