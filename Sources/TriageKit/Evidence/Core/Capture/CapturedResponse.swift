/// One HTTP response as a client capture shows it, whatever the capture's format (curl, httpie,
/// wget, a HAR entry, a Newman execution): the status, headers, body, timing and the request.
///
/// Each format's reader fills what its file shows, with the file line of each part, and hands it
/// to `ResponseProof`, which alone decides what the response proves. So a 504 after 29 s means
/// the same in a HAR as in curl output.
struct CapturedResponse {
    /// One response header; `name` is lower-cased.
    struct Header {
        var name: String
        var value: String
        var line: EvidenceLine
    }

    var status: Int
    /// The line that shows the status (`HTTP/2 504`, `"status": 504`, `"code": 504`).
    var statusLine: EvidenceLine
    var headers: [Header] = []
    /// The body as text (kept short by the reader), and the line that shows it.
    var body: String?
    var bodyLine: EvidenceLine?
    var method: String?
    /// The host the request went to (`a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com`).
    var host: String?
    /// The URL path without the query (`/prod/orders/42`).
    var path: String?
    /// How long the exchange took, in milliseconds, when the capture says.
    var elapsedMilliseconds: Double?
    var elapsedLine: EvidenceLine?
    /// When the request started, as ISO 8601 UTC, when the capture says.
    var startedAt: String?

    init(status: Int, statusLine: EvidenceLine) {
        self.status = status
        self.statusLine = statusLine
    }

    /// The first header named `name` (lower case).
    func header(_ name: String) -> Header? {
        headers.first { $0.name == name }
    }

    /// Takes host and path from `url` (see `urlParts`).
    mutating func setURL(_ url: String) {
        (host, path) = Self.urlParts(url)
    }

    /// `https://user@host:443/path?query#part` → (`host`, `/path`): no port, query or fragment;
    /// nil for a part the URL does not have.
    static func urlParts(_ url: String) -> (host: String?, path: String?) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let hostPart = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let withoutPort = hostPart.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? hostPart
        let pathPart = rest.dropFirst(hostPart.count).prefix { $0 != "?" && $0 != "#" }
        return (withoutPort.isEmpty ? nil : String(withoutPort), pathPart.isEmpty ? nil : String(pathPart))
    }
}
