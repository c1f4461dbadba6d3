/// What the scan does with an execution-log message, decided from its first bytes.
///
/// Most lines of an INFO + data-trace log (method request headers and bodies, usage-plan checks,
/// transformed bodies) say nothing about a 5xx; they are dropped after one or two `memcmp`s. The
/// lines that can explain a failure, or carry facts, are kept with their request until it completes.
enum ExecutionLogMessageRole: Equatable {
    case ignore
    /// Kept with its request: it may explain a failure or carry a fact.
    case keep
    /// `Method completed with status: NNN`: the request is over.
    case completion
    /// `Execution log for request <id>`: the first line of a console test output.
    case consoleStart

    @inline(__always)
    static func of(_ line: UnsafeBufferPointer<UInt8>, messageAt start: Int) -> ExecutionLogMessageRole {
        guard start < line.count else { return .ignore }
        switch line[start] {
        case UInt8(ascii: "M"):
            if line.hasPrefix("Method completed with status:", at: start) { return .completion }
            // The path parameters give the route template (`ExecutionLogRouteTemplate`); `{}` has none.
            return line.hasPrefix("Method request path: {", at: start) && !line.hasPrefix("Method request path: {}", at: start) ? .keep : .ignore
        case UInt8(ascii: "E"):
            if line.hasPrefix("Execution failed", at: start) || line.hasPrefix("Extended Request Id:", at: start) { return .keep }
            if line.hasPrefix("Endpoint request URI:", at: start) || line.hasPrefix("Endpoint request headers:", at: start)
                || line.hasPrefix("Endpoint response ", at: start)
            {
                return .keep
            }
            return line.hasPrefix("Execution log for request", at: start) ? .consoleStart : .ignore
        case UInt8(ascii: "L"):
            return line.hasPrefix("Lambda ", at: start) ? .keep : .ignore
        case UInt8(ascii: "S"):
            return line.hasPrefix("Sending request to", at: start) || line.hasPrefix("Starting authorizer", at: start)
                ? .keep : .ignore
        case UInt8(ascii: "R"):
            return line.hasPrefix("Received response.", at: start) ? .keep : .ignore
        case UInt8(ascii: "G"):
            return line.hasPrefix("Gateway response", at: start) ? .keep : .ignore
        case UInt8(ascii: "H"):
            return line.hasPrefix("HTTP Method:", at: start) ? .keep : .ignore
        case UInt8(ascii: "K"):
            return line.hasPrefix("Key throttle limit exceeded", at: start) ? .keep : .ignore
        case UInt8(ascii: "T"):
            return line.hasPrefix("There was an", at: start) ? .keep : .ignore
        case UInt8(ascii: "A"):
            // `API Key ... because method 'GET /orders/{id}' ...` names the route template.
            return line.hasPrefix("Authorizer", at: start) || line.hasPrefix("API Key ", at: start) ? .keep : .ignore
        default:
            return .ignore
        }
    }
}
