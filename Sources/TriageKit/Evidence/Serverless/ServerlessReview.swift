/// The walk over one `serverless.yml`: each function's API events, checked for the non-proxy
/// integration risk and for the function's timeout against what API Gateway waits.
struct ServerlessReview {
    var document: ConfigDocument
    var findings: [Finding] = []
    var facts = FactCollector()
    private var eventCounts: [ServerlessEvent.Kind: Int] = [:]
    private var nonProxy = 0
    private var functionCount = 0

    init(document: ConfigDocument) {
        self.document = document
    }

    var root: DocumentNode { document.root }
    var provider: DocumentNode? { root["provider"] }

    /// A value written as text, not as a `${...}` variable the framework resolves at deploy time.
    static func concrete(_ node: DocumentNode?) -> String? {
        guard let text = node?.scalarText, FactText.isConcrete(text), !text.isEmpty else { return nil }
        return text
    }

    mutating func run() {
        let service = root["service"].flatMap { Self.concrete($0) ?? Self.concrete($0["name"]) }
        let stage = Self.concrete(provider?["stage"])
        if let stage { facts.add(["stage": stage]) }
        if let region = Self.concrete(provider?["region"]) { facts.add(["region": region]) }
        if let api = Self.concrete(provider?["apiGateway"]?["restApiId"]), FactText.isApiId(api) {
            facts.add(["api_id": api])
        }
        let providerTimeout = provider?.member("timeout")
        for function in root["functions"]?.members ?? [] {
            functionCount += 1
            let events = (function.value["events"]?.elements ?? []).compactMap(ServerlessEvent.init)
            var name = Self.concrete(function.value["name"])
            if name == nil, let service { name = "\(service)-\(stage ?? ServerlessInspector.defaultStage)-\(function.key)" }
            if !events.isEmpty, let name { facts.add(["function_name": name]) }
            let timeout = function.value.member("timeout") ?? providerTimeout
            for event in events {
                eventCounts[event.kind, default: 0] += 1
                facts.add(["api_type": event.kind.apiType])
                if event.kind == .httpApi {
                    facts.add(["payload_format_version": Self.concrete(provider?["httpApi"]?["payload"]) ?? "2.0"])
                }
                let label = "\(function.key) \(event.label)"
                if event.isNonProxyLambda, let integration = event.integration {
                    nonProxy += 1
                    findings.append(
                        Finding(
                            cause: "status-code-mapping", confidence: .low,
                            evidence: [document.evidence(line: integration.line, focus: integration.key)],
                            facts: name.map { ["function_name": $0] } ?? [:],
                            summary: "\(label): " + Text.nonProxy(mapped: event.hasResponseMappings)))
                }
                // Only a timeout the author chose is compared: the framework's 6 s default says nothing new.
                guard let timeout, let seconds = timeout.value.integer else { continue }
                var comparison = TimeoutComparison.compare(
                    integrationTimeoutMs: event.kind.integrationTimeoutMs, functionTimeoutSeconds: seconds,
                    apiType: event.kind == .websocket ? nil : event.kind.apiType,
                    evidence: [document.evidence(line: timeout.line, focus: timeout.key), document.evidence(line: event.line)])
                comparison.status = nil
                comparison.summary = "\(label): " + comparison.summary.prefix(1).lowercased() + comparison.summary.dropFirst()
                if let name { comparison.facts["function_name"] = name }
                findings.append(comparison)
            }
        }
    }

    func description() -> String {
        var parts = [ConfigInspection.label("serverless")]
        if let service = root["service"].flatMap({ Self.concrete($0) ?? Self.concrete($0["name"]) }) {
            parts.append("service \(service)")
        }
        parts.append(ConfigInspection.counted(functionCount, "function"))
        for kind in [ServerlessEvent.Kind.http, .httpApi, .websocket] {
            guard let count = eventCounts[kind] else { continue }
            parts.append(ConfigInspection.counted(count, "\(kind.rawValue) event"))
        }
        if nonProxy > 0 { parts.append("\(nonProxy) non-proxy (integration: lambda)") }
        if eventCounts.isEmpty { parts.append("no API Gateway events, so it says nothing about a 5xx") }
        return parts.joined(separator: ", ")
    }
}

extension ServerlessReview {
    /// The words of these checks, kept together.
    enum Text {
        static func nonProxy(mapped: Bool) -> String {
            let mapping =
                mapped
                ? "each status in response.statusCodes needs a pattern that matches the error and a method response"
                : "nothing maps them to a 4xx/5xx unless response.statusCodes does"
            return "integration: lambda is a non-proxy integration: the function's errors reach the client as 200 "
                + "with the error object in the body, and \(mapping); a mapping to a status with no method response "
                + "ends in a 500. A risk this configuration creates, not proof of a failure."
        }
    }
}
