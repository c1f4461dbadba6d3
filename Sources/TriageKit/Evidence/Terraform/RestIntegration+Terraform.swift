/// The REST integration checks read Terraform's spelling of the same fields.
extension RestIntegration {
    /// From an `aws_api_gateway_integration` resource (HCL or plan JSON), with its references
    /// resolved by `configuration`, and the integration responses Terraform keeps as separate
    /// `aws_api_gateway_integration_response` resources.
    init(
        terraform resource: TerraformResource, configuration: inout TerraformConfiguration,
        responses: [TerraformResource]
    ) {
        self.init(line: resource.line)
        func value(_ key: String) -> LocatedValue? { configuration.value(key, of: resource) }
        type = value("type").map(Self.upperCasedValue)
        httpMethod = value("integration_http_method")
        uri = value("uri")
        // A REST AWS_PROXY integration always invokes Lambda, and `invoke_arn` is always a Lambda
        // URI, even when the function is defined in another file or module (`var.fn.invoke_arn`):
        // written out as such, so the Lambda checks (POST) still apply.
        if let given = uri, !given.text.contains(":lambda:path/"),
            type?.text == "AWS_PROXY" || given.text.hasSuffix(".invoke_arn}")
        {
            uri = LocatedValue(
                text: "arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/\(given.text)/invocations",
                line: given.line, key: given.key)
        }
        timeoutMillis = value("timeout_milliseconds")
        connectionType = value("connection_type").map(Self.upperCasedValue)
        connectionId = value("connection_id")
        credentials = value("credentials")
        passthroughBehavior = value("passthrough_behavior").map(Self.upperCasedValue)
        cacheNamespace = value("cache_namespace")
        if let templates = resource.values.member("request_templates") {
            requestTemplatesLine = templates.line
            requestTemplates = templates.value.members.map { ($0.key, $0.value.scalarText ?? "") }
        }
        if let tls = resource.blocks("tls_config").first {
            insecureSkipVerification = LocatedValue(tls.member("insecure_skip_verification"))
        }
        self.responses = responses.map { response in
            let status = response.located("status_code")
            let pattern = response.text("selection_pattern") ?? ""
            return IntegrationResponseRule(
                statusCode: status.map { configuration.resolved($0.text) } ?? "", isDefault: pattern.isEmpty,
                line: status?.line ?? response.line, key: "status_code")
        }
    }

    fileprivate static func upperCasedValue(_ value: LocatedValue) -> LocatedValue {
        LocatedValue(text: value.text.uppercased(), line: value.line, key: value.key)
    }
}
