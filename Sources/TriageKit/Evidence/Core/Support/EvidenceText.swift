/// How a file's line is quoted in a finding: whole when short, cut with "…" when long.
///
/// Execution-log events can reach 1 KiB and proxy bodies much more; a quote only has to show why
/// the line matters, which is near its start for a log message. An access-log JSON line is an
/// exception: its telling fields may sit anywhere, so it is kept whole up to a larger bound.
enum EvidenceText {
    static let maxCharacters = 300
    static let maxRecordCharacters = 2_000

    static func quote(_ text: some StringProtocol, limit: Int = maxCharacters) -> String {
        let trimmed = text.trimmingTrailingWhitespace()
        guard trimmed.count > limit else { return String(trimmed) }
        return String(trimmed.prefix(limit - 1)) + "…"
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last.isWhitespace { end = index(before: end) }
        return self[..<end]
    }
}
