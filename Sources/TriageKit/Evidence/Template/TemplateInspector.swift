/// Reads a CloudFormation or SAM template, in YAML (short-form tags such as `!Ref`, `!Sub`,
/// `!GetAtt` included) or JSON, and checks the API Gateway integrations it defines:
/// - `AWS::ApiGateway::Method` → `Integration` gets every `RestIntegrationChecks` check
///   (`IntegrationHttpMethod` not POST for Lambda, stage variables, role, templates, responses
///   against `MethodResponses`);
/// - `AWS::ApiGatewayV2::Integration`: stage variables in `IntegrationUri`; `PayloadFormatVersion`
///   and `TimeoutInMillis` as facts;
/// - inline OpenAPI bodies (`Body`, `DefinitionBody`) are checked like an export;
/// - for every integration invoking a function the template defines: a missing
///   `AWS::Lambda::Permission` for API Gateway (SAM `Api`/`HttpApi` events add their own) and the
///   integration timeout against the function's `Timeout`.
/// Facts: `api_type`, `stage`, `function_name`, timeouts and payload format when the template has
/// one value for them.
public struct TemplateInspector: EvidenceInspector {
    public let kind = "template"

    public init() {}

    /// API resources whose property holds an inline OpenAPI definition, with the API type.
    static let inlineDefinitions: [(type: String, property: String, apiType: String)] = [
        ("AWS::ApiGateway::RestApi", "Body", "rest"), ("AWS::Serverless::Api", "DefinitionBody", "rest"),
        ("AWS::ApiGatewayV2::Api", "Body", "http"), ("AWS::Serverless::HttpApi", "DefinitionBody", "http"),
    ]
    static let stageProperties: [String: String] = [
        "AWS::ApiGateway::Stage": "StageName", "AWS::ApiGateway::Deployment": "StageName",
        "AWS::Serverless::Api": "StageName", "AWS::ApiGatewayV2::Stage": "StageName",
        "AWS::Serverless::HttpApi": "StageName",
    ]

    public func detect(_ sample: EvidenceSample) -> Int? {
        if let root = DocumentSniffer.json(sample) {
            let hasAWSResource = (root["Resources"]?.members ?? []).contains {
                $0.value["Type"]?.string?.hasPrefix("AWS::") == true
            }
            return root.member("AWSTemplateFormatVersion") != nil || hasAWSResource ? ConfigDetectionScore.strong : nil
        }
        guard Self.yamlGate(sample), DocumentSniffer.isYAML(sample) else { return nil }
        let keys = DocumentSniffer.yamlTopLevelKeys(sample)
        if keys.contains("AWSTemplateFormatVersion") { return ConfigDetectionScore.strong }
        if keys.contains("Transform"), sample.head.contains("AWS::Serverless") { return ConfigDetectionScore.strong }
        if keys.contains("Resources"), sample.head.contains("Type: AWS::") || sample.head.contains("Type: \"AWS::")
            || sample.head.contains("Type: 'AWS::")
        {
            return ConfigDetectionScore.strong
        }
        return nil
    }

    /// Whether a YAML sample can be a template: every YAML answer above needs the top-level key
    /// `AWSTemplateFormatVersion`, `Transform` or `Resources`, and a key is text of the head, so
    /// its bytes must be there (`mayContain`). Spares every log the YAML key reading.
    static func yamlGate(_ sample: EvidenceSample) -> Bool {
        sample.mayContain(anyOf: ["AWSTemplateFormatVersion", "Transform", "Resources"])
    }

    public func inspect(_ file: EvidenceFile) throws -> EvidenceReport {
        try ConfigInspection.run(file, kind: kind, inspect: inspect)
    }

    func inspect(_ document: ConfigDocument) -> EvidenceReport {
        let root = document.root
        guard root["Resources"]?.isObject == true else {
            return ConfigInspection.unusable(
                document.path, kind: kind, problem: "it has no Resources section", lines: document.lineCount)
        }
        let resources = TemplateResources(root: root)
        var review = Review(document: document, resources: resources)
        review.checkMethods()
        review.checkV2Integrations()
        review.checkInlineDefinitions()
        review.checkSAMEvents()
        review.addTemplateFacts()

        var collector = FindingCollector()
        collector.add(review.findings)
        return EvidenceReport(
            path: document.path, kind: kind, description: Self.describe(root, resources),
            lines: document.lineCount, findings: collector.findings, facts: review.facts.facts)
    }

    static func describe(_ root: DocumentNode, _ resources: TemplateResources) -> String {
        let transform = root["Transform"].flatMap(TemplateIntrinsics.text) ?? ""
        var parts = [ConfigInspection.label("template")]
        parts.append(transform.contains("AWS::Serverless") ? "SAM" : "CloudFormation")
        parts.append(ConfigInspection.counted(resources.all.count, "resource"))
        let counted: [(String, [String])] = [
            ("Lambda function", ["AWS::Lambda::Function", "AWS::Serverless::Function"]),
            ("REST method", ["AWS::ApiGateway::Method"]),
            ("HTTP API integration", ["AWS::ApiGatewayV2::Integration"]),
            ("invoke permission", ["AWS::Lambda::Permission"]),
        ]
        for (name, types) in counted {
            let count = resources.all.filter { types.contains($0.type) }.count
            if count > 0 { parts.append(ConfigInspection.counted(count, name)) }
        }
        return parts.joined(separator: ", ")
    }
}

extension TemplateInspector {
    /// The walk over one template, gathering findings and facts.
    struct Review {
        var document: ConfigDocument
        var resources: TemplateResources
        var findings: [Finding] = []
        var facts = FactCollector()
        var apiTypes: Set<String> = []

        var lambdaChecks: TemplateLambdaChecks { TemplateLambdaChecks(document: document, resources: resources) }

        mutating func checkMethods() {
            for method in resources.resources(ofType: "AWS::ApiGateway::Method") {
                apiTypes.insert("rest")
                guard let node = method.properties["Integration"] else { continue }
                let integration = RestIntegration(cloudFormation: node, render: TemplateIntrinsics.text)
                let verb = method.properties["HttpMethod"].flatMap(TemplateIntrinsics.text) ?? "?"
                let path = resourcePath(method.properties["ResourceId"], depth: 0).map { " \($0)" } ?? ""
                let label = "\(verb)\(path) (\(method.logicalId))"
                let declared = (method.properties["MethodResponses"]?.elements ?? []).compactMap {
                    $0["StatusCode"].flatMap(TemplateIntrinsics.text)
                }
                let checks = RestIntegrationChecks(document: document, operation: label, methodResponses: Set(declared))
                findings += checks.findings(for: integration)
                facts.add(RestIntegrationChecks.facts(for: integration))
                if integration.invokesLambda, let uri = node["Uri"], let function = resources.function(referencedBy: uri) {
                    findings += lambdaChecks.findings(
                        for: TemplateLambdaChecks.Link(
                            label: label, function: function, uri: integration.uri, integrationLine: node.line,
                            timeoutMs: integration.timeoutMillis.flatMap { Int($0.text) }
                                ?? TemplateLambdaChecks.restDefaultTimeoutMs,
                            timeout: integration.timeoutMillis, apiType: "rest",
                            callsWithRole: integration.credentials != nil))
                }
            }
        }

        mutating func checkV2Integrations() {
            for resource in resources.resources(ofType: "AWS::ApiGatewayV2::Integration") {
                apiTypes.insert("http")
                let properties = resource.properties
                let type = properties["IntegrationType"].flatMap(TemplateIntrinsics.text) ?? ""
                let uri = LocatedValue(properties.member("IntegrationUri"), render: TemplateIntrinsics.text)
                let timeout = LocatedValue(properties.member("TimeoutInMillis"), render: TemplateIntrinsics.text)
                var found: [String: String] = [:]
                if let version = properties["PayloadFormatVersion"].flatMap(TemplateIntrinsics.text) {
                    found["payload_format_version"] = version
                }
                if let timeout, Int(timeout.text) != nil { found["integration_timeout_ms"] = timeout.text }
                if let uri, let target = LambdaFunctionTarget(uri: uri.text) { found.merge(target.facts) { $1 } }
                facts.add(found)
                let label = resource.logicalId
                if let uri, let variable = StageVariableReference.names(in: uri.text).first {
                    let isLambda = type.uppercased() == "AWS_PROXY"
                    findings.append(
                        Finding(
                            cause: isLambda ? "stage-variable-permission" : "invalid-endpoint", status: 500,
                            confidence: .low, evidence: [document.evidence(line: uri.line, focus: uri.key)],
                            facts: ["stage_variable": variable],
                            summary: "\(label): "
                                + (isLambda
                                    ? RestIntegrationChecks.Text.stageVariableFunction(variable, role: nil)
                                    : RestIntegrationChecks.Text.stageVariableEndpoint(variable))))
                }
                guard type.uppercased() == "AWS_PROXY", let uriNode = properties["IntegrationUri"],
                    let function = resources.function(referencedBy: uriNode)
                else { continue }
                findings += lambdaChecks.findings(
                    for: TemplateLambdaChecks.Link(
                        label: label, function: function, uri: uri, integrationLine: resource.line,
                        timeoutMs: timeout.flatMap { Int($0.text) } ?? TemplateLambdaChecks.httpDefaultTimeoutMs,
                        timeout: timeout, apiType: "http", callsWithRole: properties["CredentialsArn"] != nil))
            }
        }

        mutating func checkInlineDefinitions() {
            for (type, property, apiType) in TemplateInspector.inlineDefinitions {
                for api in resources.resources(ofType: type) {
                    apiTypes.insert(apiType)
                    guard let body = api.properties[property], body["paths"] != nil else { continue }
                    let definition = OpenAPIIntegrations(root: body, document: document, render: TemplateIntrinsics.text)
                    let outcome = definition.check()
                    findings += outcome.findings
                    facts.add(outcome.facts.facts)
                    for operation in definition.operations {
                        guard let node = operation.integration else { continue }
                        let integration = RestIntegration(exportExtension: node, render: TemplateIntrinsics.text)
                        guard integration.invokesLambda, let uri = node["uri"],
                            let function = resources.function(referencedBy: uri)
                        else { continue }
                        let defaultTimeout =
                            apiType == "http" ? TemplateLambdaChecks.httpDefaultTimeoutMs : TemplateLambdaChecks.restDefaultTimeoutMs
                        findings += lambdaChecks.findings(
                            for: TemplateLambdaChecks.Link(
                                label: "\(operation.label) (\(api.logicalId))", function: function, uri: integration.uri,
                                integrationLine: node.line,
                                timeoutMs: integration.timeoutMillis.flatMap { Int($0.text) } ?? defaultTimeout,
                                timeout: integration.timeoutMillis, apiType: apiType,
                                callsWithRole: integration.credentials != nil))
                    }
                }
            }
        }

        /// SAM events: SAM wires the integration and the permission; only the timeouts can clash.
        mutating func checkSAMEvents() {
            for function in resources.functions.values.sorted(by: { $0.logicalId < $1.logicalId }) {
                for event in function.samEvents {
                    apiTypes.insert(event.isHTTPAPI ? "http" : "rest")
                    if event.isHTTPAPI {
                        let version = event.properties?["PayloadFormatVersion"].flatMap(TemplateIntrinsics.text) ?? "2.0"
                        facts.add(["payload_format_version": version])
                    }
                    // Only a timeout the author chose is worth comparing; defaults say nothing new here.
                    guard function.timeoutIsExplicit else { continue }
                    let timeout = LocatedValue(
                        event.properties?.member("TimeoutInMillis"), render: TemplateIntrinsics.text)
                    let defaultTimeout =
                        event.isHTTPAPI ? TemplateLambdaChecks.httpDefaultTimeoutMs : TemplateLambdaChecks.restDefaultTimeoutMs
                    var comparison = TimeoutComparison.compare(
                        integrationTimeoutMs: timeout.flatMap { Int($0.text) } ?? defaultTimeout,
                        functionTimeoutSeconds: function.timeoutSeconds, apiType: event.isHTTPAPI ? "http" : "rest",
                        evidence: [
                            document.evidence(line: function.timeoutLine, focus: function.timeoutKey),
                            document.evidence(line: timeout?.line ?? event.line, focus: timeout?.key ?? event.name),
                        ])
                    comparison.summary =
                        "\(function.logicalId) event \(event.name): " + comparison.summary.prefix(1).lowercased()
                        + comparison.summary.dropFirst()
                    if let name = function.name { comparison.facts["function_name"] = name }
                    findings.append(comparison)
                }
            }
        }

        mutating func addTemplateFacts() {
            for resource in resources.all {
                guard let property = TemplateInspector.stageProperties[resource.type],
                    let stage = resource.properties[property].flatMap(TemplateIntrinsics.text), FactText.isConcrete(stage)
                else { continue }
                facts.add(["stage": stage])
            }
            // With several functions the template does not say which one failed.
            if resources.functions.count == 1, let function = resources.functions.values.first {
                if let name = function.name { facts.add(["function_name": name]) }
                facts.add(["function_timeout_s": String(function.timeoutSeconds)])
            }
            if apiTypes.count == 1, let only = apiTypes.first { facts.add(["api_type": only]) }
        }

        /// The resource path of a method, following `ResourceId` → `PathPart`/`ParentId` up to the root.
        func resourcePath(_ node: DocumentNode?, depth: Int) -> String? {
            guard let node, depth < 20 else { return nil }
            if TemplateIntrinsics.text(node)?.hasSuffix(".RootResourceId}") == true { return "/" }
            guard let id = TemplateIntrinsics.references(node).first, let resource = resources.resource(id),
                resource.type == "AWS::ApiGateway::Resource",
                let part = resource.properties["PathPart"].flatMap(TemplateIntrinsics.text)
            else { return nil }
            let parent = resourcePath(resource.properties["ParentId"], depth: depth + 1) ?? "/"
            return (parent.hasSuffix("/") ? parent : parent + "/") + part
        }
    }
}
