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

    /// `trimmingCharacters(in: .whitespaces)`.
    func trimmedOfWhitespace() -> String { String(trimmingScalars { $0.isFoundationWhitespace }) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmedOfWhitespaceAndNewlines() -> String {
        String(trimmingScalars { $0.isFoundationWhitespace || $0.isFoundationNewline })
    }
}

extension Unicode.Scalar {
    /// In Foundation's `CharacterSet.whitespaces` on Linux: a tab, a space separator (Unicode
    /// category Zs) or U+200B (the zero width space, a separator in older Unicode).
    fileprivate var isFoundationWhitespace: Bool {
        self == "\t" || self == "\u{200B}" || properties.generalCategory == .spaceSeparator
    }

    /// In `CharacterSet.newlines`: U+000A-U+000D, U+0085, U+2028, U+2029.
    fileprivate var isFoundationNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
