/// Writes Lambda function logs for the fast-path equivalence tests, in the text and the JSON
/// format: the shapes `Scripts/gen-logs.py` writes (successes, `Invoke Error`, `Task timed out`
/// with `Status: timeout`) and the other failures and spellings the scan reads (out of memory,
/// init errors, the 6 MB limit, Python, Java, Go, late timeout lines, `Init Duration`, upper-case
/// ids, tool prefixes, CRLF, interleaved invocations, unusual numbers).
///
/// Deterministic for a seed, so a failing case can be reproduced.
enum GeneratedLambdaLog {
    enum Format { case text, json }

    static func text(invocations: Int, seed: UInt64, format: Format) -> String {
        var random = GeneratedExecutionLog.SplitMix(state: seed)
        var out = format == .text
            ? "INIT_START Runtime Version: nodejs:20.v43\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:0f4a\n"
            : #"{"time":"2026-01-08T10:00:00.000Z","type":"platform.initStart","record":{"runtimeVersionArn":"arn:aws:lambda:eu-west-1::runtime:0f4a"}}"#
                + "\n"
        var pending: [[String]] = []
        var made = 0
        while made < invocations || !pending.isEmpty {
            // Mostly one invocation at a time, as one log stream writes them; sometimes two interleave.
            let inFlight = random.next() % 8 == 0 ? 2 : 1
            while pending.count < inFlight, made < invocations {
                pending.append(format == .text ? textLines(made, &random) : jsonLines(made, &random))
                made += 1
            }
            let pick = Int(random.next() % UInt64(pending.count))
            let run = min(pending[pick].count, 1 + Int(random.next() % 4))
            for line in pending[pick].prefix(run) { out += line + (random.next() % 50 == 0 ? "\r\n" : "\n") }
            pending[pick].removeFirst(run)
            if pending[pick].isEmpty { pending.remove(at: pick) }
        }
        return out
    }

    private static func stamp(_ index: Int, _ offset: Int = 0) -> String {
        let seconds = 36_000 + index + offset
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "2026-01-08T\(two(seconds / 3600 % 24)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(100 + index % 900)Z"
    }

    private static func textLines(_ index: Int, _ random: inout GeneratedExecutionLog.SplitMix) -> [String] {
        var id = uuid(&random)
        if random.next() % 40 == 0 { id = id.uppercased() }
        let time = stamp(index)
        let kind = random.next() % 16
        // Tool prefixes: none (CloudWatch), `aws logs tail`, a console copy.
        let tool: (String) -> String =
            switch random.next() % 12 {
            case 0: { "2026-01-08T10:00:01.123000+00:00 2026/01/08/[$LATEST]abcdef0123456789 " + $0 }
            case 1: { time + "\t" + $0 }
            default: { $0 }
            }
        var lines = [tool("START RequestId: \(id) Version: $LATEST")]
        for shard in 0..<(1 + Int(random.next() % 4)) {
            lines.append("\(time)\t\(id)\tINFO\tGET /orders/\(index) served from cache shard \(shard)")
        }
        var duration = String(format: "%.2f", Double(random.next() % 30_000) / 100)
        var status = ""
        var late: String?
        switch kind {
        case 0:
            lines.append(
                "\(time)\t\(id)\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'id')\"}")
        case 1:
            duration = "3000.00"
            lines.append("\(stamp(index, 3)) \(id) Task timed out after 3.00 seconds")
            status = "\tStatus: timeout"
        case 2:
            lines.append("RequestId: \(id) Error: Runtime exited with error: signal: killed")
            status = "\tStatus: error\tError Type: Runtime.OutOfMemory"
        case 3: lines.append("\(time)\t\(id)\tERROR\tInvoke Error \t{\"errorType\":\"Function.ResponseSizeTooLarge\"}")
        case 4: lines.append("[ERROR] KeyError: 'id'")
        case 5: lines.append("\(time)\t\(id)\tjava.lang.NullPointerException: order was null")
        case 6: lines.append("panic: runtime error: invalid memory address")
        case 7: late = "\(stamp(index, 3)) \(id) Task timed out after 3.00 seconds"
        case 8: lines.append("\(time)\t\(id)\tINFO\tRuntime.ImportModuleError is only a word here, signal: killed too")
        case 9: lines.append("\(time)\t\(id)\tWARN\tProcess exited before completing request")
        case 10: status = "\tInit Duration: 812.33 ms"
        case 11: duration = ["1e3", "3.", "0003.10", "12345678901234567", ".5"][Int(random.next() % 5)]
        default: break
        }
        lines.append(tool("END RequestId: \(id)"))
        let used = random.next() % 10 == 0 ? 256 : 70 + Int(random.next() % 50)
        let trailer = random.next() % 2 == 0 ? "\t" : ""
        lines.append(
            tool(
                "REPORT RequestId: \(id)\tDuration: \(duration) ms\tBilled Duration: 301 ms\tMemory Size: 256 MB\tMax Memory Used: \(used) MB\(trailer)\(status)"
            ))
        if let late { lines.append(late) }
        return lines
    }

    private static func jsonLines(_ index: Int, _ random: inout GeneratedExecutionLog.SplitMix) -> [String] {
        var id = uuid(&random)
        if random.next() % 40 == 0 { id = id.uppercased() }
        let time = stamp(index)
        let kind = random.next() % 12
        var lines = [#"{"time":"\#(time)","type":"platform.start","record":{"requestId":"\#(id)","version":"$LATEST"}}"#]
        for shard in 0..<(1 + Int(random.next() % 4)) {
            lines.append(#"{"timestamp":"\#(time)","level":"INFO","requestId":"\#(id)","message":"GET /orders/\#(index) shard \#(shard)"}"#)
        }
        var status = "success"
        var duration = String(format: "%.2f", Double(random.next() % 30_000) / 100)
        switch kind {
        case 0:
            status = "error"
            lines.append(
                #"{"timestamp":"\#(time)","level":"ERROR","requestId":"\#(id)","message":{"errorType":"TypeError","errorMessage":"boom"}}"#)
        case 1:
            status = "timeout"
            duration = "3000.00"
        case 2: lines.append(#"{"timestamp":"\#(time)","level":"ERROR","requestId":"\#(id)","message":"Task timed out after 3.00 seconds"}"#)
        case 3: lines.append(#"{"timestamp":"\#(time)","level":"INFO","requestId":"\#(id)","message":"Runtime exited with error: signal: killed"}"#)
        case 4: lines.append(#"{"time":"\#(time)","type":"platform.initReport","record":{"phase":"invoke","status":"error","errorType":"Runtime.ImportModuleError"}}"#)
        case 5: duration = ["1e3", "12345678901234567", "-1"][Int(random.next() % 3)]
        case 6: lines.append(#"{"timestamp":"\#(time)","level":"INFO","requestId":"\#(id)","message":"a \"type\": word"}"#)
        default: break
        }
        let used = random.next() % 10 == 0 ? 256 : 70 + Int(random.next() % 50)
        let spacing = random.next() % 20 == 0 ? " " : ""
        lines.append(
            #"{"time":"\#(time)","type":"platform.runtimeDone","record":{"requestId":"\#(id)","status":"\#(status)","metrics":{"durationMs":\#(duration),"producedBytes":212}}}"#
        )
        lines.append(
            #"{"time":"\#(time)","type":"platform.report","record":{"requestId":"\#(id)","metrics":{"durationMs":\#(duration),"billedDurationMs":301,"memorySizeMB":256,"maxMemoryUsedMB":\#(used)},"status":"\#(status)"}}\#(spacing)"#
        )
        return lines
    }

    private static func uuid(_ random: inout GeneratedExecutionLog.SplitMix) -> String {
        let hex = Array(String(random.next() | 1 << 63, radix: 16) + String(random.next() | 1 << 63, radix: 16))
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-" + String(hex[16..<20]) + "-"
            + String(hex[20..<32])
    }
}
