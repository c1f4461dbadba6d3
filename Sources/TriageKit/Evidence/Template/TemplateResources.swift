/// The resources of a CloudFormation or SAM template, indexed for the template checks: functions
/// (with their timeouts), the invoke permissions granted to API Gateway, and the API resources.
struct TemplateResources {
    struct Resource {
        var logicalId: String
        var type: String
        var properties: DocumentNode
        /// The line of the logical id.
        var line: Int
    }

    /// A Lambda function the template defines.
    struct Function {
        var logicalId: String
        /// `FunctionName`, when written as plain text.
        var name: String?
        var timeoutSeconds: Int
        /// Where the timeout is set (the function's line when it is Lambda's default of 3 s).
        var timeoutLine: Int
        var timeoutKey: String?
        var timeoutIsExplicit: Bool
        /// SAM functions with `Api`/`HttpApi` events: SAM adds their invoke permission itself.
        var samEvents: [SAMEvent]
    }

    /// An `Api` or `HttpApi` event of a SAM function.
    struct SAMEvent {
        var name: String
        var isHTTPAPI: Bool
        var line: Int
        var properties: DocumentNode?
    }

    static let lambdaDefaultTimeout = 3

    var all: [Resource]
    var functions: [String: Function]
    /// Logical ids and plain names of functions some `AWS::Lambda::Permission` opens to API Gateway.
    var permittedFunctions: Set<String>

    init(root: DocumentNode) {
        all = (root["Resources"]?.members ?? []).compactMap { member in
            guard let type = member.value["Type"]?.string else { return nil }
            return Resource(
                logicalId: member.key, type: type,
                properties: member.value["Properties"] ?? DocumentNode(.object([]), line: member.line),
                line: member.line)
        }
        let globalTimeout = root["Globals"]?["Function"]?.member("Timeout")
        var functions: [String: Function] = [:]
        for resource in all where resource.type == "AWS::Lambda::Function" || resource.type == "AWS::Serverless::Function" {
            functions[resource.logicalId] = Self.function(resource, globalTimeout: globalTimeout)
        }
        self.functions = functions
        permittedFunctions = Set(
            all.filter { $0.type == "AWS::Lambda::Permission" && Self.opensToAPIGateway($0.properties) }
                .flatMap { permission -> [String] in
                    guard let target = permission.properties["FunctionName"] else { return [] }
                    var names = TemplateIntrinsics.references(target)
                    if let text = target.scalarText {
                        names.append(LambdaFunctionTarget(uri: text)?.name ?? text)
                    }
                    return names
                })
    }

    func resources(ofType type: String) -> [Resource] {
        all.filter { $0.type == type }
    }

    func resource(_ logicalId: String) -> Resource? {
        all.first { $0.logicalId == logicalId }
    }

    /// The template function a URI or function reference points at: by logical id, or by the name
    /// in a literal function ARN.
    func function(referencedBy node: DocumentNode) -> Function? {
        for id in TemplateIntrinsics.references(node) {
            if let function = functions[id] { return function }
        }
        guard let text = TemplateIntrinsics.text(node), let target = LambdaFunctionTarget(uri: text) else { return nil }
        return functions.values.first { $0.name == target.name }
    }

    /// Whether API Gateway has been given an invoke permission for `function` in this template.
    func isPermitted(_ function: Function) -> Bool {
        if !function.samEvents.isEmpty { return true }
        return permittedFunctions.contains(function.logicalId) || function.name.map(permittedFunctions.contains) == true
    }

    private static func opensToAPIGateway(_ properties: DocumentNode) -> Bool {
        guard let principal = properties["Principal"].flatMap(TemplateIntrinsics.text) else { return false }
        // `apigateway.amazonaws.com`, or `!Sub apigateway.${AWS::URLSuffix}`.
        return principal.hasPrefix("apigateway.")
    }

    private static func function(_ resource: Resource, globalTimeout: DocumentNode.Member?) -> Function {
        let properties = resource.properties
        let timeout = properties.member("Timeout") ?? (resource.type == "AWS::Serverless::Function" ? globalTimeout : nil)
        let events = (properties["Events"]?.members ?? []).compactMap { event -> SAMEvent? in
            let type = event.value["Type"]?.string
            guard type == "Api" || type == "HttpApi" else { return nil }
            return SAMEvent(name: event.key, isHTTPAPI: type == "HttpApi", line: event.line, properties: event.value["Properties"])
        }
        // A name built with `!Sub` is only known once deployed.
        let name = properties["FunctionName"].flatMap(TemplateIntrinsics.text)
        return Function(
            logicalId: resource.logicalId, name: name.flatMap { FactText.isConcrete($0) ? $0 : nil },
            timeoutSeconds: timeout?.value.integer ?? lambdaDefaultTimeout, timeoutLine: timeout?.line ?? resource.line,
            timeoutKey: timeout?.key ?? resource.logicalId, timeoutIsExplicit: timeout?.value.integer != nil,
            samEvents: events)
    }
}
