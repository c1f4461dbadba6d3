/// The policy documents a Terraform file writes in its three usual ways, read into the shape the
/// shared policy checks take: `jsonencode({...})`, a JSON string or heredoc, and a
/// `data "aws_iam_policy_document"` source referenced as `data.aws_iam_policy_document.x.json`.
enum TerraformPolicyDocument {
    /// The policy document `value` holds, as a `DocumentNode` with the lines of the Terraform file.
    static func document(_ value: DocumentNode, configuration: TerraformConfiguration) -> DocumentNode? {
        if value.isObject { return value }
        guard let text = value.string else { return nil }
        if let (resource, attribute) = configuration.referenced(by: text), resource.isData,
            resource.type == "aws_iam_policy_document", attribute == "json"
        {
            return fromDataSource(resource)
        }
        guard text.contains("Statement"), let parsed = try? JSONDocumentParser.parse(text) else { return nil }
        // A heredoc's JSON starts on the line after `<<EOF`; a quoted string is all on its own line.
        return shifted(parsed, by: text.contains("\n") ? value.line : value.line - 1)
    }

    /// The trust policy of an `aws_iam_role`, when the file says what it is.
    static func trustPolicy(of role: TerraformResource, configuration: TerraformConfiguration) -> RoleTrustPolicy? {
        guard let value = role.values["assume_role_policy"],
            let document = document(value, configuration: configuration)
        else { return nil }
        return RoleTrustPolicy(document: document)
    }

    /// `statement { effect, actions, principals { type, identifiers }, condition { test, variable,
    /// values } }` blocks, as the JSON document Terraform renders from them.
    static func fromDataSource(_ source: TerraformResource) -> DocumentNode {
        let statements = source.blocks("statement").map { block -> DocumentNode in
            var members: [DocumentNode.Member] = []
            func add(_ key: String, _ value: DocumentNode?) {
                if let value { members.append(DocumentNode.Member(key: key, line: value.line, value: value)) }
            }
            add("Effect", block["effect"])
            add("Action", block["actions"])
            var principal: [DocumentNode.Member] = []
            for entry in block.members where entry.key == "principals" {
                guard let type = entry.value["type"]?.scalarText, let identifiers = entry.value["identifiers"] else { continue }
                principal.append(DocumentNode.Member(key: type, line: entry.line, value: identifiers))
            }
            if !principal.isEmpty { add("Principal", DocumentNode(.object(principal), line: principal[0].line)) }
            var conditions: [DocumentNode.Member] = []
            for entry in block.members where entry.key == "condition" {
                guard let test = entry.value["test"]?.scalarText, let variable = entry.value["variable"]?.scalarText else {
                    continue
                }
                let values = entry.value["values"] ?? DocumentNode(.array([]), line: entry.line)
                let inner = DocumentNode.Member(key: variable, line: entry.line, value: values)
                conditions.append(DocumentNode.Member(key: test, line: entry.line, value: DocumentNode(.object([inner]), line: entry.line)))
            }
            if !conditions.isEmpty { add("Condition", DocumentNode(.object(conditions), line: conditions[0].line)) }
            return DocumentNode(.object(members), line: block.line)
        }
        let list = DocumentNode(.array(statements), line: source.line)
        return DocumentNode(.object([DocumentNode.Member(key: "Statement", line: source.line, value: list)]), line: source.line)
    }

    /// `node` with every line moved down by `offset`.
    static func shifted(_ node: DocumentNode, by offset: Int) -> DocumentNode {
        switch node.value {
        case .object(let members):
            let moved = members.map { DocumentNode.Member(key: $0.key, line: $0.line + offset, value: shifted($0.value, by: offset)) }
            return DocumentNode(.object(moved), line: node.line + offset)
        case .array(let elements):
            return DocumentNode(.array(elements.map { shifted($0, by: offset) }), line: node.line + offset)
        default:
            return DocumentNode(node.value, line: node.line + offset)
        }
    }
}
