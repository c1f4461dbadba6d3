/// The route template (`GET /orders/{id}`) a request matched, from what its execution log says.
///
/// `HTTP Method: GET, Resource Path: /orders/18241` names the path the client called, so requests
/// to one resource with different ids would otherwise read as different routes. Two lines name the
/// resource itself:
/// - `API Key  authorized because method 'GET /orders/{id}' does not require API Key` (the usage-plan
///   check every REST request logs at INFO level) states it outright;
/// - `Method request path: {id=18241}` gives the path parameters, which put back into the path give
///   the template: `/orders/18241` with `id=18241` is `/orders/{id}`, and a value that spans segments
///   (`{proxy=a/b}`) is a greedy `{proxy+}`.
/// When neither settles it (no such line, a value found twice or not at all), there is no template
/// and the path stands.
enum ExecutionLogRouteTemplate {
    /// The route from `because method 'METHOD /path'`.
    static func stated(in message: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = message.firstOffset(of: "because method '") else { return nil }
        let from = start + "because method '".utf8.count
        guard let end = message.firstOffset(of: UInt8(ascii: "'"), in: from..<message.count) else { return nil }
        let route = message.text(from..<end)
        let parts = route.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, AWSIdentifiers.isHTTPMethod(parts[0]) || parts[0] == "ANY", parts[1].hasPrefix("/") else { return nil }
        return route
    }

    /// The parameters of `Method request path: {id=18241, part=a/b}`, in the order written.
    static func parameters(in message: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)] {
        guard let open = message.firstOffset(of: UInt8(ascii: "{"), in: 0..<message.count),
            let close = (open..<message.count).last(where: { message[$0] == UInt8(ascii: "}") })
        else { return [] }
        let inside = message.text(open + 1..<close)
        return inside.split(separator: ",").compactMap { pair in
            let trimmed = pair.drop { $0 == " " }
            guard let equals = trimmed.firstIndex(of: "=") else { return nil }
            let name = trimmed[..<equals]
            let value = trimmed[trimmed.index(after: equals)...]
            guard !name.isEmpty, !value.isEmpty else { return nil }
            return (String(name), String(value))
        }
    }

    /// `path` with each parameter's value replaced by `{name}` (or `{name+}`), or nil when a value
    /// is not in the path exactly once.
    static func template(of path: String, parameters: [(name: String, value: String)]) -> String? {
        guard !parameters.isEmpty, path.hasPrefix("/") else { return nil }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        for parameter in parameters {
            let valueSegments = parameter.value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if valueSegments.count > 1 {
                // A greedy parameter takes the rest of the path.
                guard segments.count >= valueSegments.count, Array(segments.suffix(valueSegments.count)) == valueSegments else { return nil }
                segments = Array(segments.dropLast(valueSegments.count)) + ["{\(parameter.name)+}"]
                continue
            }
            let places = segments.indices.filter { segments[$0] == parameter.value }
            guard places.count == 1, let place = places.first else { return nil }
            segments[place] = "{\(parameter.name)}"
        }
        return "/" + segments.joined(separator: "/")
    }
}
