/// X-Ray trace ids as evidence spells them: `Root=1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f;Parent=…`
/// in `X-Amzn-Trace-Id` headers, `root=1-…` in Lambda's response headers, a bare `1-…` in
/// `$context.xrayTraceId` or `X-ray Tracing ID : 1-…`.
public enum TraceIdentifier {
    /// The root trace id (`1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f`, lower case), found after `Root=`
    /// (any case) or as the text itself; nil when there is none.
    public static func root(in text: some StringProtocol) -> String? {
        let lower = text.lowercased()
        let start = lower.range(of: "root=").map(\.upperBound) ?? lower.startIndex
        let candidate = lower[start...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return isRoot(candidate) ? String(candidate) : nil
    }

    /// `1-` + 8 hex digits + `-` + 24 hex digits.
    static func isRoot(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "1", parts[1].count == 8, parts[2].count == 24 else { return false }
        return parts.dropFirst().allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
