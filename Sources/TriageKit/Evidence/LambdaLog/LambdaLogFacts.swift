/// Facts a Lambda log states for the whole function: its name, account and Region.
///
/// - The function name comes from the log group `/aws/lambda/FN` wherever the file shows it (a
///   pasted `aws logs tail /aws/lambda/FN` line, a Logs Insights `@log` value
///   `123456789012:/aws/lambda/FN`), or from a function ARN in the lines.
/// - The account from `@log` or the ARN; the Region from the ARN or `INIT_START`'s runtime ARN.
/// - The function's timeout from `Task timed out after N seconds`.
enum LambdaLogFacts {
    static func fileLevel(scan: LambdaLogScan, head: String, logGroup: String?) -> [String: String] {
        var facts: [String: String] = [:]
        if let region = scan.region { facts["region"] = region }
        // `Task timed out after 3.00 seconds` states the function's timeout, whichever finding leads.
        if let seconds = scan.functionTimeoutSeconds.flatMap(LambdaFindingGroups.wholeSeconds) { facts["function_timeout_s"] = seconds }
        if let logGroup {
            let parts = logGroup.split(separator: ":", maxSplits: 1)
            if parts.count == 2, AWSIdentifiers.isAccount(parts[0]) { facts["account_id"] = String(parts[0]) }
            if let name = functionName(inGroup: logGroup) { facts["function_name"] = name }
        }
        if facts["function_name"] == nil, let name = functionName(inGroup: head) { facts["function_name"] = name }
        Array(head.utf8).withUnsafeBufferPointer { bytes in
            guard let arn = AWSIdentifiers.lambdaArn(in: bytes) else { return }
            if facts["function_name"] == nil, let name = arn.functionName { facts["function_name"] = name }
            facts["account_id"] = facts["account_id"] ?? arn.account
            facts["region"] = facts["region"] ?? arn.region
        }
        return facts
    }

    /// `/aws/lambda/orders-api` anywhere in the text → `orders-api`.
    static func functionName(inGroup text: String) -> String? {
        // Found by its bytes: `range(of:)` walked the whole 64 KiB head as UTF-16 on every scan.
        guard let offset = SampleBytes.firstOffset(of: "/aws/lambda/", in: text) else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset + 12)
        let name = text[start...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return AWSIdentifiers.isFunctionName(name) && name.allSatisfy(\.isASCII) ? String(name) : nil
    }
}
