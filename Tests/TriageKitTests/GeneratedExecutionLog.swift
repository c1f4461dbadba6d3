/// Writes REST execution logs for the parallel-scan tests, the way CloudWatch records them
/// (domain reference §3.2, §3.3): several requests in flight with their lines interleaved,
/// multi-line bodies (continuation lines without a prefix), a spread of failures, and some
/// requests with no cause line or no `Method completed` line.
///
/// Deterministic for a seed, so a failing case can be reproduced.
enum GeneratedExecutionLog {
    static func text(requests: Int, seed: UInt64, inFlight: Int = 4) -> String {
        var random = SplitMix(state: seed)
        var pending: [[String]] = []
        var made = 0
        var out = ""
        while made < requests || !pending.isEmpty {
            while pending.count < inFlight, made < requests {
                pending.append(lines(of: made, random: &random))
                made += 1
            }
            let pick = Int(random.next() % UInt64(pending.count))
            // A short run of one request's lines, as a log stream writes them between others.
            let run = min(pending[pick].count, 1 + Int(random.next() % 5))
            for line in pending[pick].prefix(run) { out += line + "\n" }
            pending[pick].removeFirst(run)
            if pending[pick].isEmpty { pending.remove(at: pick) }
        }
        return out
    }

    private static func lines(of index: Int, random: inout SplitMix) -> [String] {
        let id = uuid(&random)
        let lambdaID = uuid(&random)
        let arn = "arn:aws:lambda:eu-west-1:210987654321:function:orders-handler"
        var messages = [
            "Extended Request Id: Xk\(index)PFKDLPEFq2w=",
            "Verifying Usage Plan for request: \(id). API Key:  API Stage: k7x2m9q4ab/prod",
            "Starting execution for request: \(id)",
            "HTTP Method: POST, Resource Path: /orders/\(index)",
            "Method request body before transformations: {\n  \"order\": \(index),\n  \"items\": [1, 2]\n}",
            "Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/\(arn)/invocations",
            "Endpoint request headers: {x-amzn-lambda-integration-tag=\(id), X-Amz-Source-Arn=arn:aws:execute-api:eu-west-1:210987654321:k7x2m9q4ab/prod/POST/orders/{id}, Accept=application/json}",
            "Sending request to https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/\(arn)/invocations",
        ]
        switch random.next() % 10 {
        case 0:
            messages += [
                "Received response. Status: 200, Integration latency: 35 ms",
                "Endpoint response body before transformations: {\n  \"statusCode\": 200,\n  \"body\": {\"id\": \(index)}\n}",
                "Execution failed due to configuration error: Malformed Lambda proxy response",
                "Method completed with status: 502",
            ]
        case 1:
            messages += [
                "Received response. Status: 200, Integration latency: 210 ms",
                "Endpoint response headers: {X-Amz-Function-Error=Unhandled, x-amzn-RequestId=\(lambdaID)}",
                "Endpoint response body before transformations: {\"errorType\":\"TypeError\",\"errorMessage\":\"boom \(index % 4)\"}",
                "Lambda execution failed with status 200 due to customer function error: boom \(index % 4). Lambda request id: \(lambdaID)",
                "Method completed with status: 502",
            ]
        case 2:
            messages += ["Execution failed due to a timeout error", "Method completed with status: 504"]
        case 3:
            // A 502 no line explains: reported as undetermined.
            messages += ["Received response. Status: 502, Integration latency: 20 ms", "Method completed with status: 502"]
        case 4:
            // An ERROR-level-like request: the cause, but never `Method completed`.
            messages += ["Execution failed due to configuration error: Invalid permissions on Lambda function"]
        default:
            messages += [
                "Received response. Status: 200, Integration latency: 12 ms",
                "Endpoint response body before transformations: {\n  \"statusCode\": 200\n}",
                "Method completed with status: 200",
            ]
        }
        messages += ["AWS Integration Endpoint RequestId : \(lambdaID)"]
        // Continuation lines of a multi-line body carry no prefix: they follow their line.
        return messages.flatMap { message -> [String] in
            let parts = message.split(separator: "\n", omittingEmptySubsequences: false)
            return ["(\(id)) \(parts[0])"] + parts.dropFirst().map(String.init)
        }
    }

    private static func uuid(_ random: inout SplitMix) -> String {
        let hex = String(random.next(), radix: 16) + String(random.next(), radix: 16)
        let digits = Array(String(repeating: "0", count: max(0, 32 - hex.count)) + hex).prefix(32)
        let text = String(digits)
        func piece(_ from: Int, _ to: Int) -> Substring {
            text[text.index(text.startIndex, offsetBy: from)..<text.index(text.startIndex, offsetBy: to)]
        }
        return "\(piece(0, 8))-\(piece(8, 12))-\(piece(12, 16))-\(piece(16, 20))-\(piece(20, 32))"
    }

    /// A small deterministic generator (SplitMix64): the same sequence on every machine, which the
    /// system generator cannot give. Tests that need seeded randomness share it.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
