/// How a file's line is quoted in a finding: whole when short, cut with "…" when long.
///
/// Execution-log events can reach 1 KiB and proxy bodies much more; a quote only has to show why
/// the line matters, which is always near its start.
enum EvidenceText {
    static let maxCharacters = 300

    static func quote(_ text: some StringProtocol) -> String {
        let trimmed = text.trimmingTrailingWhitespace()
        guard trimmed.count > maxCharacters else { return String(trimmed) }
        return String(trimmed.prefix(maxCharacters - 1)) + "…"
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last.isWhitespace { end = index(before: end) }
        return self[..<end]
    }
}
