/// One kind of failure the evidence shows: a 5xx status on one route, with how many requests got
/// it, the earliest example time, and the example request's facts.
///
/// A log often holds more than one failure (502s from a function on one route, 504s from a slow
/// backend on another). The wizard asks which one the user is troubleshooting, and from then on
/// routes, fills commands and quotes lines from that group only (`Engine.scopedEvidence`).
public struct FailureGroup: Sendable, Equatable {
    /// The status the client saw.
    public var status: Int
    /// `POST /orders` (method and resource path, or an HTTP API route key), when the file says.
    public var route: String?
    /// Requests in the group, over every file.
    public var count: Int
    /// The earliest example time (ISO 8601 UTC), when a file says.
    public var firstTime: String?
    /// The causes the group's findings name (empty for failures no line explains).
    public var causes: [String]
    /// The example request's facts: `status`, `http_method`, `resource_path`, `request_id`, ...
    public var facts: [String: String]
    /// The file the example comes from.
    public var file: String

    /// The group's stable name, used as the answer to the failure question: `502 POST /orders`.
    public var key: String { route.map { "\(status) \($0)" } ?? String(status) }

    /// The facts that belong to one request rather than to the whole file: a group's example sets
    /// them, and the other groups' examples must not leak into the chosen one's commands.
    public static let requestFactKeys: Set<String> = [
        "status", "resource_path", "http_method", "route_key", "request_id", "lambda_request_id", "resource_id",
    ]

    /// The facts that name what a request's integration called. A log of one API holds requests to
    /// several integrations (a function on one route, an HTTP backend on another), so when a file's
    /// findings state these per request, the file-wide value is only one route's: the chosen group's
    /// example supplies them instead (`Engine.scope(of:)`).
    public static let integrationFactKeys: Set<String> = ["function_name", "backend_url", "backend_host", "stage_variable"]
}

/// Builds the failure groups of a session's evidence: findings and undetermined failures with a
/// 5xx status, grouped by status and route.
enum FailureGroups {
    /// The groups, most requests first (ties: lower status, then route), so the list reads from
    /// the biggest problem down.
    static func build(from evidence: [EvidenceReport]) -> [FailureGroup] {
        var groups: [String: FailureGroup] = [:]
        func add(status: Int?, count: Int, request: RequestKeys?, cause: String?, facts: [String: String], file: String) {
            guard let status, (500...599).contains(status) else { return }
            let route = request?.route.flatMap { $0.isEmpty ? nil : $0 }
            let key = route.map { "\(status) \($0)" } ?? String(status)
            var group = groups[key] ?? FailureGroup(
                status: status, route: route, count: 0, firstTime: nil, causes: [],
                facts: exampleFacts(status: status, request: request, facts: facts), file: file)
            group.count += max(count, 1)
            if let time = request?.time, group.firstTime.map({ time < $0 }) ?? true { group.firstTime = time }
            if let cause, !group.causes.contains(cause) { group.causes.append(cause) }
            groups[key] = group
        }
        for report in evidence {
            for finding in report.findings where isObserved(finding, in: report) {
                add(status: finding.status, count: finding.count, request: finding.request, cause: finding.cause,
                    facts: finding.facts, file: report.path)
            }
            for failure in report.undetermined {
                add(status: failure.status, count: failure.count, request: failure.request, cause: nil, facts: [:], file: report.path)
            }
        }
        let routed = mergingPaths(into: Array(groups.values))
        return mergingUnrouted(routed).sorted { ($1.count, $0.status, $0.key) < ($0.count, $1.status, $1.key) }
    }

    /// A request path (`GET /reports/r-2291`, what a client called or an execution log names) joins
    /// the one group of its status whose route template it fits (`GET /reports/{id}`, from an access
    /// log or a route key), so one failure read from two files is one choice. The path's example is a
    /// real request, so its facts lead; the template's example fills only the file-level keys it lacks.
    private static func mergingPaths(into groups: [FailureGroup]) -> [FailureGroup] {
        var result = groups.filter { $0.route.map(isTemplate) ?? true }
        for concrete in groups where concrete.route.map({ !isTemplate($0) }) ?? false {
            guard let path = concrete.route else { continue }
            let fitting = result.indices.filter { index in
                result[index].status == concrete.status && result[index].route.map { RouteMatch.matches($0, path) } ?? false
            }
            guard fitting.count == 1, let index = fitting.first else {
                result.append(concrete)
                continue
            }
            var merged = result[index]
            merged.count += concrete.count
            merged.causes += concrete.causes.filter { !merged.causes.contains($0) }
            if let time = concrete.firstTime, merged.firstTime.map({ time < $0 }) ?? true { merged.firstTime = time }
            merged.facts = concrete.facts.merging(merged.facts.filter { !FailureGroup.requestFactKeys.contains($0.key) }) { path, _ in path }
            merged.file = concrete.file
            result[index] = merged
        }
        return result
    }

    /// `GET /reports/{id}`, `ANY /{proxy+}` and `$default` are templates; `GET /reports/r-2291` is a path.
    private static func isTemplate(_ route: String) -> Bool { route == "$default" || route.contains("{") }

    /// A failure whose file does not name the route (a curl capture) joins the one group of its
    /// status that does, rather than standing as a separate choice.
    private static func mergingUnrouted(_ groups: [FailureGroup]) -> [FailureGroup] {
        var result = groups.filter { $0.route != nil }
        for loose in groups where loose.route == nil {
            let same = result.indices.filter { result[$0].status == loose.status }
            guard same.count == 1, let index = same.first else {
                result.append(loose)
                continue
            }
            result[index].count += loose.count
            result[index].causes += loose.causes.filter { !result[index].causes.contains($0) }
            if let time = loose.firstTime, result[index].firstTime.map({ time < $0 }) ?? true { result[index].firstTime = time }
        }
        return result
    }

    /// Whether a finding is a failure a client got (a logged or captured request with its 5xx),
    /// rather than what a configuration file says would fail: only those form groups.
    static func isObserved(_ finding: Finding, in report: EvidenceReport) -> Bool {
        guard let status = finding.status, (500...599).contains(status) else { return false }
        return finding.request != nil || report.requests != nil
    }

    /// Whether a finding or failure with this status and request belongs to the group.
    static func belongs(status: Int?, request: RequestKeys?, to group: FailureGroup) -> Bool {
        guard let status, (500...599).contains(status) else { return true }
        let route = request?.route.flatMap { $0.isEmpty ? nil : $0 }
        guard status == group.status else { return false }
        guard let route else { return true }
        guard let groupRoute = group.route else { return false }
        return route == groupRoute || (isTemplate(groupRoute) && !isTemplate(route) && RouteMatch.matches(groupRoute, route))
    }

    /// The example request's facts: its finding's request-level facts, then what its ids and
    /// route say (a route is `METHOD /path` for REST, or an HTTP API route key).
    private static func exampleFacts(status: Int, request: RequestKeys?, facts: [String: String]) -> [String: String] {
        var result = facts.filter {
            (FailureGroup.requestFactKeys.contains($0.key) || FailureGroup.integrationFactKeys.contains($0.key)) && !$0.value.isEmpty
        }
        result["status"] = String(status)
        func set(_ key: String, _ value: String?) {
            if let value, !value.isEmpty, result[key] == nil { result[key] = value }
        }
        set("request_id", request?.apiGatewayRequestId)
        set("lambda_request_id", request?.lambdaRequestId)
        if let route = request?.route {
            let parts = route.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[1].hasPrefix("/") {
                set("http_method", String(parts[0]))
                set("resource_path", String(parts[1]))
            }
        }
        return result
    }
}
