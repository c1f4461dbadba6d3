/// The AWS CLI operations the collect script may call: reads only. A test extracts every `aws SERVICE
/// OPERATION` the script can run and checks it against this list, so a write can never slip in.
public enum ReadOnlyOperations {
    /// Operations that change nothing.
    public static let reads: Set<String> = [
        "apigateway get-rest-api", "apigateway get-stage", "apigateway get-stages", "apigateway get-resources",
        "apigateway get-export", "apigateway get-gateway-responses", "apigateway get-authorizers",
        "apigateway get-deployments", "apigateway get-vpc-links", "apigateway get-vpc-link",
        "apigatewayv2 get-api", "apigatewayv2 get-stage", "apigatewayv2 get-stages", "apigatewayv2 get-routes",
        "apigatewayv2 get-integrations", "apigatewayv2 get-authorizers", "apigatewayv2 get-deployments",
        "apigatewayv2 get-domain-names", "apigatewayv2 export-api", "apigatewayv2 get-vpc-links",
        "elbv2 describe-target-groups", "elbv2 describe-target-health", "elbv2 describe-listeners",
        "logs filter-log-events", "logs describe-delivery-sources", "logs describe-deliveries",
        "cloudwatch get-metric-statistics",
        "lambda get-function-configuration", "lambda get-policy", "lambda list-aliases",
        "iam get-role", "cloudtrail lookup-events",
        "configure get",
    ]

    /// Operations that run a backend: allowed only with `--allow-invoke`.
    public static let invokes: Set<String> = ["apigateway test-invoke-method"]

    /// Whether an operation only reads, by its verb: the rule the explicit list follows.
    public static func verbIsReadOnly(_ operation: String) -> Bool {
        let verb = operation.split(separator: " ").last.map(String.init) ?? ""
        return ["get-", "list-", "describe-", "filter-", "lookup-", "export-"].contains { verb.hasPrefix($0) } || operation == "configure get"
    }
}
