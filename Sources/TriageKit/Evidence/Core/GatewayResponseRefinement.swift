/// The cross-file rule for customised gateway responses (§2.4, §6): when `get-gateway-responses`
/// shows the response type a cause answers with customised to another status, the cause's
/// findings in other files take that status, and their summaries say why the status does not
/// match the cause (a Lambda throttle reaching clients as 504, not 500).
enum GatewayResponseRefinement {
    /// The response type API Gateway answers each cause with, where the sources say.
    static let responseType: [String: String] = [
        "backend-throttling": "INTEGRATION_FAILURE", "backend-network-error": "INTEGRATION_FAILURE",
        "integration-timeout": "INTEGRATION_TIMEOUT", "authorizer-error": "AUTHORIZER_CONFIGURATION_ERROR",
        "lambda-invoke-permission": "API_CONFIGURATION_ERROR", "invalid-endpoint": "API_CONFIGURATION_ERROR",
        "status-code-mapping": "API_CONFIGURATION_ERROR",
    ]

    static func refine(_ reports: [EvidenceReport]) -> [EvidenceReport] {
        let prefix = GatewayResponsesInspector.factPrefix
        guard let source = reports.first(where: { $0.facts.keys.contains { $0.hasPrefix(prefix) } }) else { return reports }
        let statuses = source.facts.filter { $0.key.hasPrefix(prefix) }
        return reports.map { report in
            guard report.path != source.path else { return report }
            var report = report
            report.findings = report.findings.map { finding in
                guard let status = finding.status, status >= 500 else { return finding }
                var type = responseType[finding.cause]
                var customised = type.flatMap { statuses[prefix + $0] }
                if customised == nil {
                    type = "DEFAULT_5XX"
                    customised = statuses[prefix + "DEFAULT_5XX"]
                }
                guard let type, let customised, let number = Int(customised), number != status else { return finding }
                var finding = finding
                finding.status = number
                finding.summary += (finding.summary.isEmpty ? "" : " ")
                    + "Clients see \(number), not \(status): the gateway response \(type) is customised to \(number) "
                    + "(\(source.path))."
                return finding
            }
            return report
        }
    }
}
