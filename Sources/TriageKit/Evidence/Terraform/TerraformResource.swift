/// One resource or data source of a Terraform configuration or plan, whichever way it was read:
/// a `resource "TYPE" "NAME" { ... }` block of a `.tf` file, or an entry of `terraform show -json`.
struct TerraformResource: Sendable {
    /// `aws_api_gateway_integration`.
    var type: String
    /// `orders_get`, or `orders_get[0]` / `orders["a"]` for an instance in a plan.
    var name: String
    /// Whether this is a `data` source rather than a managed resource.
    var isData: Bool
    /// 1-based line where the block or the entry starts.
    var line: Int
    /// Attributes and nested blocks (`DocumentNode.object`).
    var values: DocumentNode

    /// `aws_lambda_function.orders` (`data.aws_iam_policy_document.trust` for a data source): how
    /// other values refer to it.
    var address: String { (isData ? "data." : "") + type + "." + name }

    /// The attribute's value rendered as text, when it is a scalar.
    func text(_ key: String) -> String? { values[key]?.scalarText }

    /// The attribute with its line, rendered as text.
    func located(_ key: String) -> LocatedValue? { LocatedValue(values.member(key)) }

    /// Nested blocks (or plan lists of objects) of one type, such as `statement`.
    func blocks(_ key: String) -> [DocumentNode] {
        values.members.filter { $0.key == key }.flatMap { $0.value.isArray ? $0.value.elements : [$0.value] }
    }
}
