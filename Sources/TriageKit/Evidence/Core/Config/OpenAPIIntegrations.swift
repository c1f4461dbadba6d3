import Foundation

/// The operations of an OpenAPI 3 or Swagger 2 definition with API Gateway extensions — an export,
/// or the inline `Body`/`DefinitionBody` of a template — each checked like a `get-integration`.
///
/// - Operations are the method keys under `paths` (any case), `x-amazon-apigateway-any-method` being
///   `ANY`; the integration is the operation's `x-amazon-apigateway-integration`.
/// - The operation's `responses` keys are its method responses, for the status-mapping check.
/// - An HTTP API definition (an integration with `payloadFormatVersion`, or the
///   `x-amazon-apigateway-importexport-version` marker) skips the REST-only checks (POST method,
///   integration responses).
struct OpenAPIIntegrations {
    static let methodKeys: [String: String] = [
        "get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "options": "OPTIONS", "head": "HEAD",
        "patch": "PATCH", "x-amazon-apigateway-any-method": "ANY",
    ]
    static let extensionKey = "x-amazon-apigateway-integration"

    struct Operation {
        /// `GET /orders`
        var label: String
        var method: String
        var path: String
        var integration: DocumentNode?
        var declaredResponses: Set<String>
    }

    var root: DocumentNode
    var document: ConfigDocument
    /// Turns a value into text (templates render `!Sub` and `!GetAtt` here).
    var render: (DocumentNode) -> String? = { $0.scalarText }

    var operations: [Operation] {
        (root["paths"]?.members ?? []).flatMap { path in
            path.value.members.compactMap { entry -> Operation? in
                guard let method = Self.methodKeys[entry.key.lowercased()] else { return nil }
                let statuses = (entry.value["responses"]?.keys ?? []).filter { Int($0) != nil }
                return Operation(
                    label: "\(method) \(path.key)", method: method, path: path.key,
                    integration: entry.value[Self.extensionKey], declaredResponses: Set(statuses))
            }
        }
    }

    /// Whether the definition is an HTTP API's rather than a REST API's.
    var isHTTPAPI: Bool {
        root.member("x-amazon-apigateway-importexport-version") != nil
            || operations.contains { $0.integration?.member("payloadFormatVersion") != nil }
    }

    /// What checking every integrated operation gives.
    struct Outcome {
        var findings: [Finding] = []
        var facts = FactCollector()
        var operationCount = 0
        var integratedCount = 0
        var lambdaCount = 0
    }

    func check() -> Outcome {
        var outcome = Outcome()
        let http = isHTTPAPI
        for operation in operations {
            outcome.operationCount += 1
            guard let node = operation.integration else { continue }
            outcome.integratedCount += 1
            let integration = RestIntegration(exportExtension: node, render: render)
            if integration.invokesLambda { outcome.lambdaCount += 1 }
            let checks = RestIntegrationChecks(
                document: document, operation: operation.label, methodResponses: operation.declaredResponses)
            let findings = checks.findings(for: integration)
            // HTTP APIs have no integration responses and set the Lambda invoke method themselves.
            outcome.findings += http
                ? findings.filter { !["integration-method-not-post", "status-code-mapping"].contains($0.cause) }
                : findings
            var facts = RestIntegrationChecks.facts(for: integration)
            if let version = node["payloadFormatVersion"].flatMap(render) { facts["payload_format_version"] = version }
            outcome.facts.add(facts)
        }
        return outcome
    }

    /// The API id, Region and stage from a Swagger 2 `host`/`basePath` or an OpenAPI 3 `servers` URL
    /// (`https://<api-id>.execute-api.<region>.amazonaws.com/{basePath}` with its default).
    var serverFacts: [String: String] {
        var facts: [String: String] = [:]
        var host: String?
        var basePath: String?
        if let swaggerHost = root["host"].flatMap(render) {
            host = swaggerHost
            basePath = root["basePath"].flatMap(render)
        } else if let server = root["servers"]?.elements.first, let url = server["url"].flatMap(render) {
            let withoutScheme = url.components(separatedBy: "://").last ?? url
            host = withoutScheme.split(separator: "/").first.map(String.init)
            basePath = server["variables"]?["basePath"]?["default"].flatMap(render)
            if basePath == nil, let slash = withoutScheme.firstIndex(of: "/") {
                basePath = String(withoutScheme[slash...])
            }
        }
        if let host {
            let labels = host.split(separator: ".").map(String.init)
            if labels.count >= 4, labels[1] == "execute-api" {
                if FactText.isApiId(labels[0]) { facts["api_id"] = labels[0] }
                facts["region"] = labels[2]
            }
        }
        if let basePath {
            let stage = String(basePath.trimmingScalars { $0 == "/" })
            if !stage.isEmpty, !stage.contains("/"), FactText.isConcrete(stage) { facts["stage"] = stage }
        }
        return facts
    }
}
