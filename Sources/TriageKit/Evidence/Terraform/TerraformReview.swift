/// The walk over one Terraform configuration (a `.tf` file or a plan), gathering findings and facts
/// with the shared configuration checks:
/// - every `aws_api_gateway_integration` gets `RestIntegrationChecks` (POST for Lambda, stage
///   variables, role, templates, integration responses against `aws_api_gateway_method_response`);
/// - `aws_apigatewayv2_integration`: stage variables, `timeout_milliseconds` above 30 s, payload format;
/// - each integration invoking a function of the file: its `aws_lambda_permission` source ARNs
///   against the integration's API, stage, method and path, and the timeouts (`TerraformReview+Lambda`);
/// - each `credentials` role of the file: its trust policy (`TerraformReview+Roles`).
///
/// Findings never carry a status: a configuration value says what would fail, not what the client saw.
struct TerraformReview {
    var document: ConfigDocument
    var configuration: TerraformConfiguration
    var findings: [Finding] = []
    var facts = FactCollector()
    var apiTypes: Set<String> = []

    static let restDefaultTimeoutMs = TemplateLambdaChecks.restDefaultTimeoutMs
    static let httpMaximumTimeoutMs = TemplateLambdaChecks.httpDefaultTimeoutMs

    mutating func run() {
        checkRestIntegrations()
        checkHTTPIntegrations()
        checkAuthorizers()
        addFacts()
        for index in findings.indices { findings[index].status = nil }
    }

    mutating func checkRestIntegrations() {
        for resource in configuration.resources(ofType: "aws_api_gateway_integration") {
            apiTypes.insert("rest")
            let api = resource.text("rest_api_id")
            let resourceId = resource.text("resource_id")
            let method = resource.text("http_method").map(configuration.resolved) ?? "?"
            func sameMethod(_ other: TerraformResource) -> Bool {
                other.text("rest_api_id") == api && other.text("resource_id") == resourceId
                    && other.text("http_method").map(configuration.resolved) == method
            }
            let responses = configuration.resources(ofType: "aws_api_gateway_integration_response").filter(sameMethod)
            let methodResponses = configuration.resources(ofType: "aws_api_gateway_method_response").filter(sameMethod)
            let declaresMethod = configuration.resources(ofType: "aws_api_gateway_method").contains(where: sameMethod)
            let integration = RestIntegration(terraform: resource, configuration: &configuration, responses: responses)
            let path = configuration.resourcePath(resourceId)
            let label = "\(method)\(path.map { " \($0)" } ?? "") (\(resource.address))"
            let declared: Set<String>? =
                declaresMethod || !methodResponses.isEmpty
                ? Set(methodResponses.compactMap { $0.text("status_code").map(configuration.resolved) }) : nil
            let checks = RestIntegrationChecks(document: document, operation: label, methodResponses: declared)
            findings += checks.findings(for: integration)
            var found = RestIntegrationChecks.facts(for: integration)
            if FactText.isConcrete(method), method != "?" { found["http_method"] = method }
            if let path { found["resource_path"] = path }
            facts.add(found)
            if let credentials = integration.credentials { checkRole(credentials: credentials, label: label) }
            guard integration.invokesLambda || integration.typeName.hasPrefix("AWS"), let uri = integration.uri,
                let function = configuration.function(namedBy: uri.text)
            else { continue }
            checkLambda(
                Link(
                    label: label, function: function, uri: uri, integrationLine: resource.line,
                    timeoutMs: integration.timeoutMillis.flatMap { Int($0.text) } ?? Self.restDefaultTimeoutMs,
                    timeout: integration.timeoutMillis, apiType: "rest",
                    callsWithRole: integration.credentials?.text.contains(":role/") == true
                        || integration.credentials.map { configuration.role(namedBy: $0.text) != nil } == true,
                    api: configuration.apiToken(api), method: method, path: path, isDefaultRoute: false))
        }
    }

    mutating func checkHTTPIntegrations() {
        for resource in configuration.resources(ofType: "aws_apigatewayv2_integration") {
            let type = (resource.text("integration_type") ?? "").uppercased()
            let api = resource.text("api_id")
            let protocolType = configuration.referenced(by: api ?? "")?.resource.text("protocol_type")?.uppercased()
            apiTypes.insert(protocolType == "WEBSOCKET" ? "websocket" : "http")
            let uri = configuration.value("integration_uri", of: resource)
            let timeout = configuration.value("timeout_milliseconds", of: resource)
            let label = resource.address
            var found: [String: String] = [:]
            if let version = resource.text("payload_format_version") { found["payload_format_version"] = version }
            if let timeout, Int(timeout.text) != nil { found["integration_timeout_ms"] = timeout.text }
            if let uri, let target = LambdaFunctionTarget(uri: uri.text) { found.merge(target.facts) { $1 } }
            facts.add(found)
            if let uri, let variable = StageVariableReference.names(in: uri.text).first {
                let isLambda = type == "AWS_PROXY"
                findings.append(
                    Finding(
                        cause: isLambda ? "stage-variable-permission" : "invalid-endpoint", confidence: .low,
                        evidence: [document.evidence(line: uri.line, focus: uri.key)], facts: ["stage_variable": variable],
                        summary: "\(label): "
                            + (isLambda
                                ? RestIntegrationChecks.Text.stageVariableFunction(variable, role: nil)
                                : RestIntegrationChecks.Text.stageVariableEndpoint(variable))))
            }
            let limit = protocolType == "WEBSOCKET" ? Self.restDefaultTimeoutMs : Self.httpMaximumTimeoutMs
            if let timeout, let millis = Int(timeout.text), millis > limit {
                findings.append(
                    Finding(
                        cause: "integration-timeout", confidence: .low,
                        evidence: [document.evidence(line: timeout.line, focus: timeout.key)], facts: found,
                        summary: "\(label): " + Text.timeoutAboveLimit(millis, limit: limit)))
            }
            if let credentials = configuration.value("credentials_arn", of: resource) {
                checkRole(credentials: credentials, label: label)
            }
            guard type == "AWS_PROXY", let uri, let function = configuration.function(namedBy: uri.text) else { continue }
            let routes = configuration.resources(ofType: "aws_apigatewayv2_route").filter { route in
                route.text("target").map { $0.contains("\(resource.address).id") } == true
            }
            let route = routes.count == 1 ? routes[0].text("route_key").map(configuration.resolved) : nil
            let routeParts = route?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
            checkLambda(
                Link(
                    label: route.map { "\($0) (\(label))" } ?? label, function: function, uri: uri,
                    integrationLine: resource.line,
                    timeoutMs: min(timeout.flatMap { Int($0.text) } ?? limit, limit), timeout: timeout,
                    apiType: protocolType == "WEBSOCKET" ? "rest" : "http",
                    callsWithRole: resource.text("credentials_arn") != nil, api: configuration.apiToken(api),
                    method: routeParts.count == 2 ? routeParts[0] : nil, path: routeParts.count == 2 ? routeParts[1] : nil,
                    isDefaultRoute: route == "$default"))
        }
    }

    /// Lambda authorizers: a role to assume, or a permission on the authorizer function.
    mutating func checkAuthorizers() {
        let authorizers =
            configuration.resources(ofType: "aws_api_gateway_authorizer")
            + configuration.resources(ofType: "aws_apigatewayv2_authorizer")
        for authorizer in authorizers {
            let label = authorizer.address
            if let credentials = configuration.value("authorizer_credentials", of: authorizer)
                ?? configuration.value("authorizer_credentials_arn", of: authorizer)
            {
                checkRole(credentials: credentials, label: label)
                continue
            }
            guard let uri = configuration.value("authorizer_uri", of: authorizer),
                let function = configuration.function(namedBy: uri.text),
                configuration.apiGatewayPermissions(for: function).isEmpty
            else { continue }
            findings.append(
                Finding(
                    cause: "authorizer-error", confidence: .medium,
                    evidence: [document.evidence(line: uri.line, focus: uri.key)],
                    facts: function.text("function_name").map { ["authorizer_function": $0] } ?? [:],
                    summary: "\(label): " + Text.authorizerWithoutPermission(function.address)))
        }
    }

    mutating func addFacts() {
        for (type, key) in [("aws_api_gateway_stage", "stage_name"), ("aws_apigatewayv2_stage", "name")] {
            for stage in configuration.resources(ofType: type) {
                if let name = stage.text(key), FactText.isConcrete(name) { facts.add(["stage": name]) }
            }
        }
        let functions = configuration.resources(ofType: "aws_lambda_function")
        if functions.count == 1, let function = functions.first {
            if let name = function.text("function_name"), FactText.isConcrete(name) { facts.add(["function_name": name]) }
            facts.add(["function_timeout_s": String(function.values["timeout"]?.integer ?? Self.lambdaDefaultTimeout)])
        }
        for provider in configuration.resources where provider.type == "provider" {
            if let region = provider.text("region"), FactText.isConcrete(region) { facts.add(["region": region]) }
        }
        for api in configuration.resources(ofType: "aws_api_gateway_rest_api")
            + configuration.resources(ofType: "aws_apigatewayv2_api")
        {
            if let id = api.text("id"), FactText.isApiId(id) { facts.add(["api_id": id]) }
        }
        if apiTypes.count == 1, let only = apiTypes.first { facts.add(["api_type": only]) }
    }

    static let lambdaDefaultTimeout = 3
}
