/// How the resources of a Terraform file point at each other: the function an integration
/// invokes, the permissions opened on a function, the role behind `credentials`, the API an
/// integration belongs to and the stages and resource paths of that API.
extension TerraformConfiguration {
    /// The function a URI or function reference names: by a reference to an `aws_lambda_function`
    /// of this file, or by the name in a literal function ARN.
    func function(namedBy text: String) -> TerraformResource? {
        for expression in Self.interpolations(in: text) {
            if let (resource, _) = referenced(by: "${\(expression)}"), resource.type == "aws_lambda_function" {
                return resource
            }
        }
        let name = LambdaFunctionTarget(uri: text)?.name ?? (FactText.isConcrete(text) ? text : nil)
        guard let name else { return nil }
        return resources(ofType: "aws_lambda_function").first { $0.text("function_name") == name }
    }

    /// The `aws_lambda_permission` resources that open `function` to API Gateway's invoke.
    func apiGatewayPermissions(for function: TerraformResource) -> [TerraformResource] {
        resources(ofType: "aws_lambda_permission").filter { permission in
            guard let target = permission.text("function_name"), self.function(namedBy: target)?.address == function.address
            else { return false }
            return Self.statement(for: permission).isForAPIGateway
        }
    }

    /// A permission as the policy statement Lambda makes of it, so it is judged like one.
    static func statement(for permission: TerraformResource) -> LambdaResourcePolicy.Statement {
        let principal = permission.text("principal") ?? ""
        // `apigateway.amazonaws.com`, or a partition-independent `apigateway.${data.aws_partition.x.dns_suffix}`.
        let service = principal.hasPrefix("apigateway.") ? LambdaResourcePolicy.apiGatewayService : principal
        return LambdaResourcePolicy.Statement(
            sid: permission.text("statement_id"), effect: "Allow", services: [service],
            actions: [permission.text("action") ?? ""], resource: permission.text("function_name"),
            sourceArnPatterns: [], sourceArnIsExact: false, sourceAccounts: [], otherConditions: [])
    }

    /// The role a `credentials` value names: a reference to an `aws_iam_role` of this file, or a
    /// literal role ARN whose name one of them has.
    func role(namedBy text: String) -> TerraformResource? {
        for expression in Self.interpolations(in: text) {
            if let (resource, _) = referenced(by: "${\(expression)}"), resource.type == "aws_iam_role" { return resource }
        }
        guard let marker = text.range(of: ":role/"),
            let name = text[marker.upperBound...].split(separator: "/").last.map(String.init)
        else { return nil }
        return resources(ofType: "aws_iam_role").first { $0.text("name") == name }
    }

    /// What names an API: the address of its resource in this file, or its literal id.
    func apiToken(_ text: String?) -> String? {
        guard let text else { return nil }
        if let (resource, _) = referenced(by: text),
            resource.type == "aws_api_gateway_rest_api" || resource.type == "aws_apigatewayv2_api"
        {
            return resource.address
        }
        if let api = resources.first(where: {
            ($0.type == "aws_api_gateway_rest_api" || $0.type == "aws_apigatewayv2_api") && $0.text("id") == text
        }) {
            return api.address
        }
        return FactText.isConcrete(text) && !text.isEmpty ? "id:" + text : nil
    }

    /// Stage names of the API named by `token` (`aws_api_gateway_stage`, a deployment's
    /// `stage_name`, `aws_apigatewayv2_stage`), when written as text.
    func stages(ofAPI token: String?) -> [String] {
        guard let token else { return [] }
        let sources = [
            ("aws_api_gateway_stage", "rest_api_id", "stage_name"), ("aws_api_gateway_deployment", "rest_api_id", "stage_name"),
            ("aws_apigatewayv2_stage", "api_id", "name"),
        ]
        var names: [String] = []
        for (type, apiKey, nameKey) in sources {
            for stage in resources(ofType: type) where apiToken(stage.text(apiKey)) == token {
                if let name = stage.text(nameKey).map(resolved), FactText.isConcrete(name), !names.contains(name) {
                    names.append(name)
                }
            }
        }
        return names
    }

    /// The path of a REST resource id (`/orders/{id}`), following `parent_id` to the root.
    func resourcePath(_ resourceId: String?, depth: Int = 0) -> String? {
        guard let resourceId, depth < 30 else { return nil }
        guard let (resource, attribute) = referenced(by: resourceId) else {
            // A plan states ids and paths as text.
            return resources(ofType: "aws_api_gateway_resource").first { $0.text("id") == resourceId }?.text("path")
        }
        if resource.type == "aws_api_gateway_rest_api", attribute == "root_resource_id" { return "/" }
        guard resource.type == "aws_api_gateway_resource" else { return nil }
        if let path = resource.text("path"), path.hasPrefix("/") { return path }
        // Not resolved: `resolved` itself asks for resource paths, and a hostile file could loop.
        guard let part = resource.text("path_part"), FactText.isConcrete(part) else { return nil }
        let parent = resourcePath(resource.text("parent_id"), depth: depth + 1) ?? "/"
        return (parent.hasSuffix("/") ? parent : parent + "/") + part
    }
}
