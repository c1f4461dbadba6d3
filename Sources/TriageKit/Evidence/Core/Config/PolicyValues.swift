/// How IAM policy documents spell values: one string or a list of strings, and principals as `"*"`
/// or an object of `Service` / `AWS` entries. Resource policies and trust policies read them alike.
enum PolicyValues {
    /// A value that is one string or a list of them, as a list.
    static func strings(_ node: DocumentNode?) -> [String] {
        guard let node else { return [] }
        if node.isArray { return node.elements.compactMap(\.scalarText) }
        return node.scalarText.map { [$0] } ?? []
    }

    /// The service principals a `Principal` names; `"*"` (or `{"AWS": "*"}`) as `*`.
    static func services(_ node: DocumentNode?) -> [String] {
        guard let node else { return [] }
        if node.string == "*" { return ["*"] }
        var services = strings(node["Service"])
        if strings(node["AWS"]).contains("*") { services.append("*") }
        return services
    }
}
