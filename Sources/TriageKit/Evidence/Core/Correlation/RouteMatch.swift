/// Whether two files name the same route: `GET /orders/{id}` (a REST resource or HTTP API route
/// key) matches `GET /orders/42` (the path a client called), `ANY` any method, `{proxy+}` the
/// rest of a path, and an HTTP API's `$default` route every request.
enum RouteMatch {
    static func matches(_ left: String, _ right: String) -> Bool {
        if left == "$default" || right == "$default" { return true }
        let leftParts = left.split(separator: " ", maxSplits: 1)
        let rightParts = right.split(separator: " ", maxSplits: 1)
        guard leftParts.count == 2, rightParts.count == 2 else { return false }
        let methodsFit = leftParts[0] == rightParts[0] || leftParts[0] == "ANY" || rightParts[0] == "ANY"
        return methodsFit && (pathsMatch(leftParts[1], rightParts[1]) || pathsMatch(rightParts[1], leftParts[1]))
    }

    /// `template` (which may hold `{name}` and `{name+}`) against `path`.
    private static func pathsMatch(_ template: Substring, _ path: Substring) -> Bool {
        let templateSegments = template.split(separator: "/")
        let pathSegments = path.split(separator: "/")
        for (index, segment) in templateSegments.enumerated() {
            if segment.hasPrefix("{"), segment.hasSuffix("+}") { return pathSegments.count > index }
            guard index < pathSegments.count else { return false }
            if segment.hasPrefix("{"), segment.hasSuffix("}") { continue }
            if segment != pathSegments[index] { return false }
        }
        return templateSegments.count == pathSegments.count
    }
}
