/// Reads AWS identifiers out of log text: ARNs, execute-api host names, log group names.
///
/// Works on bytes with plain scanning (no regular expressions): these run on every failed request
/// of a multi-GB log. Each function returns only values that have the shape the fact vocabulary
/// (`Content/facts.yaml`) accepts, so a fact taken from evidence is always a valid answer.
enum AWSIdentifiers {
    /// `arn:aws:execute-api:REGION:ACCOUNT:APIID/STAGE/METHOD/PATH`, as in `X-Amz-Source-Arn=`.
    struct ExecuteAPIArn: Equatable {
        var region: String
        var account: String
        var apiID: String
        var stage: String?
        var method: String?
        /// The resource path with a leading `/` (`/` for the root resource).
        var path: String?
    }

    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`, as in a Lambda invocation URI.
    struct LambdaArn: Equatable {
        var region: String
        var account: String
        /// The name with its qualifier (`orders:live`); nil when a stage variable stands in for it.
        var functionName: String?
        /// The stage variable named in place of the name or qualifier (`${stageVariables.fn}`).
        var stageVariable: String?
    }

    static func executeAPIArn(in text: UnsafeBufferPointer<UInt8>) -> ExecuteAPIArn? {
        guard let start = text.firstOffset(of: "arn:aws:execute-api:") else { return nil }
        // A resource path holds `{param}`, so a `}` ends the ARN only when it closes nothing.
        let body = token(in: text, from: start + "arn:aws:execute-api:".utf8.count, stopAt: arnStops, balancingBraces: true)
        let fields = body.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, isRegion(fields[0]), isAccount(fields[1]) else { return nil }
        let parts = fields[2].split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard let api = parts.first, isAPIID(api) else { return nil }
        var arn = ExecuteAPIArn(region: String(fields[0]), account: String(fields[1]), apiID: String(api))
        if parts.count > 1, !parts[1].isEmpty { arn.stage = String(parts[1]) }
        if parts.count > 2, isHTTPMethod(parts[2]) { arn.method = String(parts[2]) }
        if parts.count > 3 { arn.path = "/" + parts[3] } else if parts.count == 3 { arn.path = "/" }
        return arn
    }

    static func lambdaArn(in text: UnsafeBufferPointer<UInt8>) -> LambdaArn? {
        guard let start = text.firstOffset(of: "arn:aws:lambda:") else { return nil }
        let body = token(in: text, from: start + "arn:aws:lambda:".utf8.count, stopAt: arnStops.union([UInt8(ascii: "/")]))
        let fields = body.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, isRegion(fields[0]), isAccount(fields[1]), fields[2] == "function" else { return nil }
        var arn = LambdaArn(region: String(fields[0]), account: String(fields[1]))
        let name = fields[3]
        if let variable = stageVariable(in: name) {
            arn.stageVariable = variable
        } else if isFunctionName(name) {
            arn.functionName = String(name)
        }
        return arn
    }

    /// `abcde12345.execute-api.eu-west-1.amazonaws.com` → (`abcde12345`, `eu-west-1`).
    static func executeAPIHost(in text: UnsafeBufferPointer<UInt8>) -> (apiID: String, region: String)? {
        var from = 0
        while let marker = text.firstOffset(of: ".execute-api.", from: from) {
            from = marker + 1
            var begin = marker
            while begin > 0, isHostByte(text[begin - 1]) { begin -= 1 }
            let api = text.text(begin..<marker)
            let rest = token(in: text, from: marker + ".execute-api.".utf8.count, stopAt: hostStops)
            guard let dot = rest.firstIndex(of: "."), isAPIID(api[...]) else { continue }
            let region = rest[..<dot]
            if isRegion(region), rest[dot...].hasPrefix(".amazonaws.com") { return (api, String(region)) }
        }
        return nil
    }

    /// `API-Gateway-Execution-Logs_APIID/STAGE` → (`APIID`, `STAGE`).
    static func executionLogGroup(in text: UnsafeBufferPointer<UInt8>) -> (apiID: String, stage: String)? {
        guard let start = text.firstOffset(of: "API-Gateway-Execution-Logs_") else { return nil }
        let body = token(in: text, from: start + "API-Gateway-Execution-Logs_".utf8.count, stopAt: arnStops)
        let parts = body.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, isAPIID(parts[0]), isStage(parts[1]) else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// `arn:aws:iam::ACCOUNT:role/PATH/NAME` → the ARN and the role name (its last path segment).
    static func roleArn(in text: UnsafeBufferPointer<UInt8>) -> (arn: String, name: String)? {
        guard let start = text.firstOffset(of: "arn:aws:iam::") else { return nil }
        var arn = token(in: text, from: start, stopAt: arnStops)
        while let last = arn.last, last == "." || last == "," { arn.removeLast() }
        guard let marker = arn.firstRange(of: ":role/") else { return nil }
        let account = arn[..<marker.lowerBound].dropFirst("arn:aws:iam::".count)
        let name = arn[marker.upperBound...].split(separator: "/").last ?? ""
        guard isAccount(account), !name.isEmpty, name.count <= 64 else { return nil }
        return (arn, String(name))
    }

    /// The text after `literal` up to the next stop byte, e.g. the id after `Lambda request id: `.
    static func value(after literal: StaticString, in text: UnsafeBufferPointer<UInt8>, stopAt stops: Set<UInt8> = tokenStops) -> String? {
        guard let start = text.firstOffset(of: literal) else { return nil }
        let value = token(in: text, from: start + literal.utf8CodeUnitCount, stopAt: stops)
        return value.isEmpty ? nil : value
    }

    // MARK: - Shapes (as in Content/facts.yaml)

    static func isAPIID(_ text: Substring) -> Bool {
        text.utf8.count == 10 && text.utf8.allSatisfy { $0.isASCIIDigit || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    static func isAccount(_ text: Substring) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy(\.isASCIIDigit)
    }

    /// `eu-west-1`, `us-gov-west-1`, `ap-southeast-2`: letters, dash, letters (maybe more), dash, digit.
    static func isRegion(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count <= 4, let number = parts.last, number.utf8.count == 1,
            number.utf8.allSatisfy(\.isASCIIDigit), parts[0].utf8.count == 2
        else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
    }

    static func isStage(_ text: Substring) -> Bool {
        (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x5F || $0 == 0x24 || $0 == 0x2D }
    }

    static func isHTTPMethod(_ text: Substring) -> Bool {
        ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"].contains(text)
    }

    /// `[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?`
    static func isFunctionName(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let name = parts.first, (1...64).contains(name.utf8.count),
            name.utf8.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x5F || $0 == 0x2D })
        else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty
            && parts[1].utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x5F || $0 == 0x2D || $0 == 0x24 }
    }

    static func isRequestID(_ text: Substring) -> Bool {
        (8...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x3D || $0 == 0x5F || $0 == 0x2D }
    }

    /// A Lambda request id: a lower-case UUID.
    static func isLambdaRequestID(_ text: Substring) -> Bool {
        text.utf8.count == 36 && text.utf8.allSatisfy { $0.isASCIIDigit || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D }
    }

    // MARK: - Scanning

    static let tokenStops: Set<UInt8> = Set(" \t,;}]\"'<>()".utf8)
    private static let arnStops: Set<UInt8> = Set(" \t,;}]\"'<>()".utf8)
    private static let hostStops: Set<UInt8> = Set(" \t,;}]\"'<>()/:".utf8)

    private static func token(
        in text: UnsafeBufferPointer<UInt8>, from start: Int, stopAt stops: Set<UInt8>, balancingBraces: Bool = false
    ) -> String {
        var end = start
        var open = 0
        while end < text.count {
            let byte = text[end]
            if balancingBraces, byte == UInt8(ascii: "{") {
                open += 1
            } else if balancingBraces, byte == UInt8(ascii: "}"), open > 0 {
                open -= 1
            } else if stops.contains(byte) {
                break
            }
            end += 1
        }
        return start < end ? text.text(start..<end) : ""
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == 0x2D
    }

    /// `${stageVariables.fn}` anywhere in a name → `fn`.
    private static func stageVariable(in name: Substring) -> String? {
        guard let marker = name.firstRange(of: "${stageVariables.") else { return nil }
        let rest = name[marker.upperBound...]
        let variable = rest.prefix { $0 != "}" }
        return variable.isEmpty ? nil : String(variable)
    }
}
