/// The facts that describe one integration's shape: its type, its connection type and its URI.
///
/// They answer the tree's "Integration type", "VPC link?" and "Stage variable in URI?" questions
/// from a `get-integration` or `get-method` output (review §2 #10), so only outputs that hold ONE
/// integration set them: a template or export with many integrations cannot say which one failed.
enum IntegrationShapeFacts {
    static let integrationTypes: Set<String> = ["HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY"]
    static let connectionTypes: Set<String> = ["INTERNET", "VPC_LINK"]

    /// `integration_type`, `connection_type` and `integration_uri` of a REST integration.
    static func facts(for integration: RestIntegration) -> [String: String] {
        facts(type: integration.typeName, connection: integration.connectionType?.text.uppercased(), uri: integration.uri?.text)
    }

    /// The same facts from the fields of any API type's integration. A missing connection type is
    /// the API's default, INTERNET, except on a MOCK integration, which connects to nothing.
    static func facts(type: String, connection: String?, uri: String?) -> [String: String] {
        var facts: [String: String] = [:]
        guard integrationTypes.contains(type) else { return facts }
        facts["integration_type"] = type
        if let connection, connectionTypes.contains(connection) {
            facts["connection_type"] = connection
        } else if connection == nil, type != "MOCK" {
            facts["connection_type"] = "INTERNET"
        }
        // The URI says whether a stage variable picks the target; with it known and no variable in
        // it, "Stage variable in URI?" is answered no. Only a URI without whitespace is a fact.
        if let uri, !uri.isEmpty, uri.count <= 2048, !uri.contains(where: \.isWhitespace) {
            facts["integration_uri"] = uri
        }
        return facts
    }
}
