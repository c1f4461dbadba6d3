/// The HTTP exchanges in `curl -v` / `curl -i`, httpie and `wget -S` output, or a raw HTTP
/// response, read line by line.
///
/// - `curl -v`: `* Connected to HOST`, `> GET /path HTTP/2` and `> Host:` for the request,
///   `< HTTP/2 502` and `< name: value` for the response, the body after `<` (an empty header line).
/// - `curl -i` / raw / httpie: `HTTP/1.1 502 Bad Gateway`, `name: value` lines, an empty line, the
///   body; httpie may print the request above it (`HTTPieLineShape`).
/// - `wget -S`: the status and headers indented by two spaces, no body, start and `ERROR` lines
///   with clocks (`WgetLineShape`).
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
        /// How long the request took, when the transcript shows it (wget's clocks).
        var elapsedMilliseconds: Double?
        var elapsedLine: Line?

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
    /// The response's headers are indented (`wget -S`): a line that is not ends them.
    private var indentedHeaders = false
    /// Inside a request's headers printed without `> ` (httpie).
    private var inRequestHeaders = false
    private var bodyBytes = 0
    private var startClock: Int?

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
        if wget(line, number: number) { return }
        let isCurlResponse = line.hasPrefix("< ") || line == "<"
        var content = isCurlResponse ? line.dropFirst(min(2, line.count)) : line
        if content.hasPrefix("  HTTP/") {
            content = content.drop { $0 == " " }
            if let status = Self.status(content) {
                startResponse(status, Line(number: number, text: String(line)))
                indentedHeaders = true
                return
            }
        }
        if let status = Self.status(content) {
            startResponse(status, Line(number: number, text: String(line)))
            return
        }
        if httpieRequest(line) { return }
        guard !responses.isEmpty else {
            commandLine(line)
            return
        }
        if inHeaders {
            if indentedHeaders {
                guard content.hasPrefix(" ") else {
                    inHeaders = false
                    return
                }
                content = content.drop { $0 == " " }
            }
            if content.trimmingTrailingWhitespace().isEmpty {
                inHeaders = false
            } else if let colon = content.firstIndex(of: ":") {
                let name = content[..<colon].lowercased()
                let value = content[content.index(after: colon)...].drop { $0 == " " }
                responses[responses.count - 1].headers.append((name, String(value), Line(number: number, text: String(line))))
            }
            return
        }
        guard !isCurlResponse, !indentedHeaders, bodyBytes < Self.maxBodyBytes, !line.isEmpty else { return }
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
        indentedHeaders = false
        inRequestHeaders = false
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

    /// httpie's request line and the headers under it (only `Host:` matters here).
    private mutating func httpieRequest(_ line: Substring) -> Bool {
        if let request = HTTPieLineShape.requestLine(line) {
            method = request.method
            path = String(request.path.prefix { $0 != "?" })
            inRequestHeaders = true
            inHeaders = false
            return true
        }
        guard inRequestHeaders else { return false }
        if line.trimmingTrailingWhitespace().isEmpty {
            inRequestHeaders = false
        } else if line.lowercased().hasPrefix("host:") {
            host = String(line.dropFirst(5).drop { $0 == " " }.trimmingTrailingWhitespace())
        }
        return true  // request headers and body are not the response's
    }

    /// wget's start, status and `ERROR` lines; true when the line was one.
    private mutating func wget(_ line: Substring, number: Int) -> Bool {
        guard let shape = WgetLineShape.read(line) else { return false }
        switch shape {
        case .start(let url, let clock):
            (host, path) = CapturedResponse.urlParts(url)
            method = method ?? "GET"
            startClock = clock
        case .status(let status):
            startResponse(status, Line(number: number, text: String(line)))
            inHeaders = false
        case .error(let status, let clock):
            inHeaders = false
            guard let last = responses.indices.last, responses[last].status == status else { return true }
            if let clock, let startClock, clock >= startClock {
                responses[last].elapsedMilliseconds = Double(clock - startClock) * 1000
                responses[last].elapsedLine = Line(number: number, text: String(line))
            }
        }
        return true
    }

    /// `curl -v https://host/path` or `http GET host/path` typed above the output (after a prompt such as `$`).
    private mutating func commandLine(_ line: Substring) {
        let words = line.split(separator: " ", maxSplits: 2)
        let isCurl = words.first == "curl" || (words.count > 1 && words[1] == "curl")
        let isWget = words.first == "wget" || (words.count > 1 && words[1] == "wget")
        var url: Substring?
        if isCurl || isWget, let scheme = line.firstRange(of: "https://") ?? line.firstRange(of: "http://") {
            url = line[scheme.lowerBound...].prefix { !$0.isWhitespace && $0 != "'" && $0 != "\"" }
        } else if let httpie = HTTPieLineShape.commandURL(line) {
            url = httpie[...]
        }
        guard let url else { return }
        let parts = CapturedResponse.urlParts(String(url))
        if host == nil { host = parts.host }
        if path == nil { path = parts.path }
    }
}
