/// The lines of `wget -S` (and plain `wget`) output that tell about a response:
///
/// ```
/// --2026-11-30 10:00:00--  https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/orders
/// HTTP request sent, awaiting response...
///   HTTP/1.1 504 Gateway Timeout
///   x-amzn-ErrorType: InternalServerErrorException
/// 2026-11-30 10:00:29 ERROR 504: Gateway Timeout.
/// ```
/// The start and `ERROR` clocks give the time the request took (to the second).
enum WgetLineShape {
    enum Line {
        /// `--DATE TIME--  URL`: a request starts.
        case start(url: String, clock: Int?)
        /// `HTTP request sent, awaiting response... 504 Gateway Timeout` (without `-S`).
        case status(Int)
        /// `DATE TIME ERROR 504: Gateway Timeout.`
        case error(status: Int, clock: Int?)
    }

    static func read(_ line: Substring) -> Line? {
        if line.hasPrefix("--"), let close = line.dropFirst(2).range(of: "--  ") {
            let clock = TimeText.wallClockSeconds(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
            let url = line[close.upperBound...].trimmingTrailingWhitespace()
            guard url.contains("://") else { return nil }
            return .start(url: String(url), clock: clock)
        }
        if let awaiting = line.range(of: "awaiting response... ") {
            let code = line[awaiting.upperBound...].prefix(3)
            if code.count == 3, let status = Int(code), (100...599).contains(status) { return .status(status) }
            return nil
        }
        if let error = line.range(of: " ERROR ") {
            let code = line[error.upperBound...].prefix(3)
            guard let status = Int(code), (100...599).contains(status), line[error.upperBound...].dropFirst(3).hasPrefix(":") else {
                return nil
            }
            return .error(status: status, clock: TimeText.wallClockSeconds(line[..<error.lowerBound]))
        }
        return nil
    }
}
