/// The HTTP exchanges in `curl -v` or `curl -i` output, or a raw HTTP response, read line by line.
///
/// - `curl -v`: `* Connected to HOST`, `> GET /path HTTP/2` and `> Host:` for the request,
///   `< HTTP/2 502` and `< name: value` for the response, the body after `<` (an empty header line).
/// - `curl -i` / raw: `HTTP/1.1 502 Bad Gateway`, `name: value` lines, an empty line, the body.
/// - Several responses in one file (redirects, several calls) are kept apart; `1xx` interim
///   responses are skipped. Bodies are kept up to `maxBodyBytes`.
struct HTTPTranscript {
    struct Line: Equatable {
        var number: Int
        var text: String
    }

    struct Response {
        var status: Int
        var statusLine: Line
        /// Header names in lower case.
        var headers: [(name: String, value: String, line: Line)] = []
        var body: [Line] = []
        var method: String?
        var path: String?
        var host: String?

        func header(_ name: String) -> (value: String, line: Line)? {
            headers.first { $0.name == name }.map { ($0.value, $0.line) }
        }
    }

    static let maxBodyBytes = 16 * 1024

    private(set) var responses: [Response] = []
    private(set) var host: String?
    private var method: String?
    private var path: String?
    private var inHeaders = false
    private var bodyBytes = 0

    mutating func consume(_ text: Substring, number: Int) {
        let line = text.hasSuffix("\r") ? text.dropLast() : text
        if line.hasPrefix("* ") {
            if let connected = line.firstRange(of: "Connected to ") {
                host = String(line[connected.upperBound...].prefix { $0 != " " && $0 != "(" })
            }
            return
        }
        if line.hasPrefix("> ") || line == ">" {
            request(line.dropFirst(2))
            return
        }
        if line.hasPrefix("{ [") || line.hasPrefix("} [") { return }  // curl -v data markers
        let isCurlResponse = line.hasPrefix("< ") || line == "<"
        let content = isCurlResponse ? line.dropFirst(min(2, line.count)) : line
        if let status = Self.status(content) {
            startResponse(status, Line(number: number, text: String(line)))
            return
        }
        guard !responses.isEmpty else {
            commandLine(line)
            return
        }
        if inHeaders {
            if content.trimmingTrailingWhitespace().isEmpty {
                inHeaders = false
            } else if let colon = content.firstIndex(of: ":") {
                let name = content[..<colon].lowercased()
                let value = content[content.index(after: colon)...].drop { $0 == " " }
                responses[responses.count - 1].headers.append((name, String(value), Line(number: number, text: String(line))))
            }
            return
        }
        guard !isCurlResponse, bodyBytes < Self.maxBodyBytes, !line.isEmpty else { return }
        bodyBytes += line.utf8.count
        responses[responses.count - 1].body.append(Line(number: number, text: String(line)))
    }

    /// `HTTP/1.1 502 Bad Gateway`, `HTTP/2 504` → the status.
    static func status(_ line: Substring) -> Int? {
        guard line.hasPrefix("HTTP/") else { return nil }
        let words = line.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[1].count == 3, let status = Int(words[1]), (100...599).contains(status) else { return nil }
        return status
    }

    private mutating func startResponse(_ status: Int, _ line: Line) {
        if let last = responses.last, (100...199).contains(last.status) { responses.removeLast() }
        var response = Response(status: status, statusLine: line)
        response.method = method
        response.path = path
        response.host = host
        responses.append(response)
        inHeaders = true
        bodyBytes = 0
    }

    private mutating func request(_ line: Substring) {
        let words = line.split(separator: " ")
        if words.count == 3, words[2].hasPrefix("HTTP/") {
            method = String(words[0])
            path = String(words[1])
        } else if words.count == 2, words[0].lowercased() == "host:" {
            host = String(words[1])
        }
    }

    /// `curl -v https://host/path` typed above the output (after a prompt such as `$`).
    private mutating func commandLine(_ line: Substring) {
        let words = line.split(separator: " ", maxSplits: 2)
        guard words.first == "curl" || (words.count > 1 && words[1] == "curl") else { return }
        guard let scheme = line.firstRange(of: "https://") ?? line.firstRange(of: "http://") else { return }
        let url = line[scheme.upperBound...].prefix { !$0.isWhitespace && $0 != "'" && $0 != "\"" }
        let hostPart = url.prefix { $0 != "/" && $0 != "?" }
        if host == nil, !hostPart.isEmpty { host = String(hostPart) }
        let rest = url.dropFirst(hostPart.count).prefix { $0 != "?" }
        if path == nil, !rest.isEmpty { path = String(rest) }
    }
}
