/// A REST API integration as `get-integration`, `get-method`, an export's
/// `x-amazon-apigateway-integration` or a template's `AWS::ApiGateway::Method` states it.
///
/// The four spell the same fields differently (`httpMethod` / `IntegrationHttpMethod`, `AWS_PROXY` /
/// `aws_proxy`, `integrationResponses` / `responses` / `IntegrationResponses`); the checks run on
/// this one shape. Enumerations are upper-cased.
struct RestIntegration {
    /// Where the integration starts in the document.
    var line: Int
    var type: LocatedValue?
    var httpMethod: LocatedValue?
    var uri: LocatedValue?
    var timeoutMillis: LocatedValue?
    var connectionType: LocatedValue?
    var connectionId: LocatedValue?
    var credentials: LocatedValue?
    var passthroughBehavior: LocatedValue?
    /// Content type → template body.
    var requestTemplates: [(contentType: String, body: String)] = []
    var requestTemplatesLine: Int?
    var responses: [IntegrationResponseRule] = []
    var insecureSkipVerification: LocatedValue?
    /// The cache namespace, which API Gateway sets to the resource id unless told otherwise.
    var cacheNamespace: LocatedValue?

    var typeName: String { type?.text.uppercased() ?? "" }

    var isProxy: Bool { typeName == "AWS_PROXY" || typeName == "HTTP_PROXY" }

    /// The Lambda function the URI invokes, when this is a Lambda integration.
    var lambdaFunction: LambdaFunctionTarget? {
        guard typeName == "AWS" || typeName == "AWS_PROXY", let uri else { return nil }
        return LambdaFunctionTarget(uri: uri.text)
    }

    /// Whether the URI is a Lambda invocation, even when a template hides the function behind a
    /// reference (`${OrdersFunction.Arn}`), so no function ARN can be read from it.
    var invokesLambda: Bool {
        guard typeName == "AWS" || typeName == "AWS_PROXY", let uri else { return false }
        return uri.text.contains(":lambda:path/") || lambdaFunction != nil
    }
}

extension RestIntegration {
    /// From `aws apigateway get-integration` output, or `methodIntegration` inside `get-method`.
    init(apiOutput node: DocumentNode) {
        self.init(line: node.line)
        readFields(of: node, spelling: .camelCase)
        if let responses = node.member("integrationResponses") {
            self.responses = responses.value.members.map { entry in
                let pattern = entry.value["selectionPattern"]?.scalarText ?? ""
                return IntegrationResponseRule(
                    statusCode: entry.value["statusCode"]?.scalarText ?? entry.key, isDefault: pattern.isEmpty,
                    line: entry.line, key: entry.key)
            }
        }
    }

    /// From an export's `x-amazon-apigateway-integration` object (lower-case enumerations, and
    /// `responses` keyed by selection pattern, `default` for the default one).
    init(exportExtension node: DocumentNode, render: (DocumentNode) -> String? = { $0.scalarText }) {
        self.init(line: node.line)
        readFields(of: node, spelling: .camelCase, render: render)
        if let responses = node.member("responses") {
            self.responses = responses.value.members.map { entry in
                IntegrationResponseRule(
                    statusCode: entry.value["statusCode"]?.scalarText ?? "", isDefault: entry.key == "default",
                    line: entry.line, key: entry.key)
            }
        }
    }

    /// From the `Integration` property of a CloudFormation `AWS::ApiGateway::Method`.
    init(cloudFormation node: DocumentNode, render: (DocumentNode) -> String?) {
        self.init(line: node.line)
        readFields(of: node, spelling: .pascalCase, render: render)
        if let responses = node.member("IntegrationResponses") {
            self.responses = responses.value.elements.map { entry in
                let status = entry.member("StatusCode")
                let pattern = entry["SelectionPattern"].flatMap(render) ?? ""
                return IntegrationResponseRule(
                    statusCode: status.flatMap { render($0.value) } ?? "", isDefault: pattern.isEmpty,
                    line: status?.line ?? entry.line, key: "StatusCode")
            }
        }
    }

    /// How a source spells the field names: API output and exports in camel case, CloudFormation
    /// in Pascal case (and `IntegrationHttpMethod` for `httpMethod`).
    private enum Spelling {
        case camelCase, pascalCase

        func name(_ camel: String) -> String {
            guard self == .pascalCase, let first = camel.first else { return camel }
            return camel == "httpMethod" ? "IntegrationHttpMethod" : first.uppercased() + camel.dropFirst()
        }
    }

    /// The fields the sources share, under each source's spelling.
    private mutating func readFields(
        of node: DocumentNode, spelling: Spelling, render: (DocumentNode) -> String? = { $0.scalarText }
    ) {
        func value(_ camel: String) -> LocatedValue? { LocatedValue(node.member(spelling.name(camel)), render: render) }
        type = value("type").map(Self.upperCased)
        httpMethod = value("httpMethod")
        uri = value("uri")
        timeoutMillis = value("timeoutInMillis")
        connectionType = value("connectionType").map(Self.upperCased)
        connectionId = value("connectionId")
        credentials = value("credentials")
        passthroughBehavior = value("passthroughBehavior").map(Self.upperCased)
        cacheNamespace = value("cacheNamespace")
        readTemplates(node.member(spelling.name("requestTemplates")))
        insecureSkipVerification = LocatedValue(node[spelling.name("tlsConfig")]?.member(spelling.name("insecureSkipVerification")))
    }

    private mutating func readTemplates(_ member: DocumentNode.Member?) {
        guard let member else { return }
        requestTemplatesLine = member.line
        requestTemplates = member.value.members.map { ($0.key, $0.value.scalarText ?? "") }
    }

    private static func upperCased(_ value: LocatedValue) -> LocatedValue {
        LocatedValue(text: value.text.uppercased(), line: value.line, key: value.key)
    }
}
