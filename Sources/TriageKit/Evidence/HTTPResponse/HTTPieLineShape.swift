import Foundation

/// The lines httpie adds to a transcript beyond a raw response (`http --print=HBhb`, `http -v`):
/// the request line without curl's `> ` (`GET /prod/orders HTTP/1.1`), its headers (`Host:`),
/// and the command typed above (`http GET https://…`, `https POST …`).
enum HTTPieLineShape {
    /// `GET /prod/orders HTTP/1.1` → method and path.
    static func requestLine(_ line: Substring) -> (method: String, path: String)? {
        let words = line.split(separator: " ")
        guard words.count == 3, words[2].hasPrefix("HTTP/"), AWSIdentifiers.isHTTPMethod(words[0]),
            words[1].first == "/"
        else { return nil }
        return (String(words[0]), String(words[1]))
    }

    /// `http GET https://host/path`, `$ https -v host/path`, `http --print=HBhb POST host/path x=1`
    /// → the URL (with `https://` added when httpie's short form leaves it out).
    static func commandURL(_ line: Substring) -> String? {
        var words = line.split(separator: " ")[...]
        if let first = words.first, first == "$" || first == "%" || first == "#" { words = words.dropFirst() }
        guard let command = words.first, command == "http" || command == "https" else { return nil }
        for word in words.dropFirst() {
            let bare = String(word.trimmingScalars { $0 == "'" || $0 == "\"" })
            if bare.hasPrefix("-") || AWSIdentifiers.isHTTPMethod(bare[...]) { continue }
            if bare.hasPrefix("http://") || bare.hasPrefix("https://") { return bare }
            if bare.contains(".") && !bare.contains("=") && !bare.contains(":=") { return "https://" + bare }
            if bare.hasPrefix(":") { return nil }  // localhost shorthand: not an API Gateway host
        }
        return nil
    }
}
