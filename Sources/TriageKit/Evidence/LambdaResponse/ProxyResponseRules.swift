import Foundation

/// The Lambda proxy response rules (domain reference §5.1–5.3).
///
/// REST and HTTP API payload 1.0 (the same rules):
/// - the response is a JSON object; keys are only `statusCode`, `headers`, `multiValueHeaders`,
///   `body`, `isBase64Encoded` (observed: `wrongValue` and `cookies` give 502);
/// - `statusCode` is a number (a numeric string such as `"201"` is tolerated);
/// - `body` is a string (an object gives 502); `headers` an object of single values (strings or
///   booleans); each `multiValueHeaders` value a list; `isBase64Encoded` a boolean.
///
/// HTTP API payload 2.0: with `statusCode`, the same shape with `cookies` (a list of strings) instead
/// of `multiValueHeaders`; without `statusCode`, any JSON is the body of a 200 (so nothing breaks).
enum ProxyResponseRules {
    static let version1Keys: Set<String> = ["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"]
    static let version2Keys: Set<String> = ["statusCode", "headers", "body", "isBase64Encoded", "cookies"]

    /// Every rule `root` breaks under `format`.
    static func violations(of root: DocumentNode, format: ProxyResponseFormat) -> [ProxyResponseViolation] {
        guard root.isObject else {
            if format == .httpPayload2 { return [] }
            return [
                ProxyResponseViolation(
                    rule: "not-an-object", key: nil, line: root.line,
                    detail: "the response is \(root.typeDescription), not a JSON object", confidence: .high)
            ]
        }
        if format == .httpPayload2 && root.member("statusCode") == nil { return [] }

        var found: [ProxyResponseViolation] = []
        let allowed = format == .httpPayload2 ? version2Keys : version1Keys
        for member in root.members where !allowed.contains(member.key) {
            // 2.0 documents no rule for extra keys; only REST/1.0 are known to refuse them.
            guard format != .httpPayload2 else { continue }
            let note = member.key == "cookies" ? " (it belongs to HTTP API payload 2.0)" : ""
            found.append(
                ProxyResponseViolation(
                    rule: "unknown-key:\(member.key)", key: member.key, line: member.line,
                    detail: "the key \(member.key) is not part of the response format\(note)", confidence: .high))
        }
        if let status = root.member("statusCode") { found += statusCodeRule(status) }
        if let body = root.member("body") { found += bodyRule(body) }
        if let headers = root.member("headers") { found += headersRule(headers) }
        if format != .httpPayload2, let multi = root.member("multiValueHeaders") { found += multiValueRule(multi) }
        if let flag = root.member("isBase64Encoded") { found += base64Rule(flag) }
        if format == .httpPayload2, let cookies = root.member("cookies") { found += cookiesRule(cookies) }
        return found
    }

    private static func statusCodeRule(_ member: DocumentNode.Member) -> [ProxyResponseViolation] {
        let value = member.value
        switch value.value {
        case .number where value.integer != nil:
            return []
        case .string(let text) where Int(text.trimmedOfWhitespace()) != nil:
            return []  // a numeric string is accepted on AWS
        case .string(let text):
            return [violation("status-code", member, "statusCode is the string \"\(text)\", not a number", .high)]
        case .number(let text):
            return [violation("status-code", member, "statusCode \(text) is not a whole number", .medium)]
        default:
            return [violation("status-code", member, "statusCode is \(value.typeDescription), not a number", .high)]
        }
    }

    private static func bodyRule(_ member: DocumentNode.Member) -> [ProxyResponseViolation] {
        switch member.value.value {
        case .string, .null:
            return []
        case .object, .array:
            return [
                violation(
                    "body", member, "body is \(member.value.typeDescription), not a string (serialise it to JSON text)",
                    .high)
            ]
        default:
            return [violation("body", member, "body is \(member.value.typeDescription), not a string", .medium)]
        }
    }

    private static func headersRule(_ member: DocumentNode.Member) -> [ProxyResponseViolation] {
        switch member.value.value {
        case .null:
            return []
        case .object(let headers):
            return headers.compactMap { header in
                switch header.value.value {
                case .string, .bool: return nil
                case .number:
                    // Only an emulator refuses numbers; AWS behaviour is not verified.
                    return violation(
                        "header-value:\(header.key)", header,
                        "the header \(header.key) has a number; send header values as strings", .low)
                case .array:
                    // Observed: a list in `headers` fails the response (two Set-Cookie values are the usual case).
                    return violation(
                        "header-value:\(header.key)", header,
                        "the header \(header.key) is a list; headers hold single string values (on REST and payload "
                            + "1.0 put lists in multiValueHeaders; on payload 2.0 join them with commas, and send "
                            + "cookies in cookies)",
                        .high)
                default:
                    return violation(
                        "header-value:\(header.key)", header,
                        "the header \(header.key) is \(header.value.typeDescription); headers hold single string values",
                        .medium)
                }
            }
        default:
            return [
                violation(
                    "headers", member, "headers is \(member.value.typeDescription), not an object of name → value",
                    .medium)
            ]
        }
    }

    private static func multiValueRule(_ member: DocumentNode.Member) -> [ProxyResponseViolation] {
        switch member.value.value {
        case .null:
            return []
        case .object(let headers):
            return headers.compactMap { header in
                header.value.isArray
                    ? nil
                    : violation(
                        "multi-value:\(header.key)", header,
                        "multiValueHeaders.\(header.key) is \(header.value.typeDescription), not a list", .high)
            }
        default:
            return [
                violation(
                    "multi-value", member, "multiValueHeaders is \(member.value.typeDescription), not an object", .high)
            ]
        }
    }

    private static func base64Rule(_ member: DocumentNode.Member) -> [ProxyResponseViolation] {
        switch member.value.value {
        case .bool, .null:
            return []
        case .string(let text) where ["true", "false"].contains(text.lowercased()):
            // Not verified on AWS; worth fixing, not worth blaming.
            return [violation("base64", member, "isBase64Encoded is the string \"\(text)\", not a boolean", .low)]
        default:
            return [
                violation("base64", member, "isBase64Encoded is \(member.value.typeDescription), not a boolean", .medium)
            ]
        }
    }

    private static func cookiesRule(_ member: DocumentNode.Member) -> [ProxyResponseViolation] {
        let isListOfStrings = member.value.isArray && member.value.elements.allSatisfy { $0.string != nil }
        guard !isListOfStrings, !member.value.isNull else { return [] }
        return [violation("cookies", member, "cookies is not a list of strings", .medium)]
    }

    private static func violation(
        _ rule: String, _ member: DocumentNode.Member, _ detail: String, _ confidence: Confidence
    ) -> ProxyResponseViolation {
        ProxyResponseViolation(rule: rule, key: member.key, line: member.line, detail: detail, confidence: confidence)
    }
}
