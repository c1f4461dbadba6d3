import Foundation

/// An ARN split into its six parts: `arn:partition:service:region:account:resource`.
struct AmazonResourceName: Equatable {
    var partition: String
    var service: String
    var region: String
    var account: String
    /// Everything after the fifth colon (may itself hold colons and slashes).
    var resource: String

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[2].isEmpty else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// Facts every ARN states: its Region and account, when they are concrete (not `*` or a variable).
    var facts: [String: String] {
        var facts: [String: String] = [:]
        if FactText.isConcrete(region), !region.isEmpty { facts["region"] = region }
        if FactText.isConcrete(account), account.count == 12, account.allSatisfy(\.isNumber) {
            facts["account_id"] = account
        }
        return facts
    }
}
