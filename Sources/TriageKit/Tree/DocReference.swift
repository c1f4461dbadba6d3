import Foundation

/// A documentation reference of a fix or end node: its title and its address.
///
/// Content writes `{title, url}`. A bare string still decodes (as a title without an address) so
/// an old content folder gives a lint message instead of a load failure; lint requires the URL.
public struct DocReference: Codable, Sendable, Equatable {
    public var title: String
    public var url: String?

    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }

    private enum CodingKeys: String, CodingKey { case title, url }

    public init(from decoder: any Decoder) throws {
        if let title = try? decoder.singleValueContainer().decode(String.self) {
            self.init(title: title)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try container.decode(String.self, forKey: .title), url: try container.decodeIfPresent(String.self, forKey: .url))
    }

    /// Why the address is unusable, or nil when it is an absolute https URL with a host.
    public var urlProblem: String? {
        guard let url, !url.isEmpty else { return "has no url" }
        guard let parsed = URL(string: url), parsed.scheme == "https", let host = parsed.host, host.contains(".") else {
            return "url '\(url)' is not an https address"
        }
        return nil
    }

    /// "Title: url", the one-line form used by the plain and Markdown outputs.
    public var line: String { url.map { "\(title): \($0)" } ?? title }
}
