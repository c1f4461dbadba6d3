/// One block of an HCL file: `resource "aws_lambda_function" "orders" { ... }`.
///
/// The body is a `DocumentNode` object so the configuration checks read Terraform values the way
/// they read JSON and YAML: attributes are members, and a nested block (`statement { ... }`) is a
/// member named after its type whose value is an object. A block type written twice (two
/// `statement` blocks) gives two members of that name, in file order.
struct HCLBlock: Sendable {
    /// `resource`, `data`, `provider`, `variable`, ...
    var type: String
    /// `["aws_lambda_function", "orders"]`.
    var labels: [String]
    /// 1-based line of the block's type word.
    var line: Int
    var body: DocumentNode
}

/// What `HCLReader` made of a file: the top-level blocks it could read, and why it stopped
/// reading some part of the file.
///
/// Values keep what only Terraform can evaluate as text: a reference is the string
/// `${aws_lambda_function.orders.invoke_arn}`, a template keeps its `${...}` parts, and an
/// expression the reader does not evaluate (a conditional, a `for`, a function other than
/// `jsonencode`) is kept whole inside `${...}`. `jsonencode({...})` becomes the object itself.
struct HCLDocument: Sendable {
    var blocks: [HCLBlock]
    /// Top-level attributes (a `.tfvars` file has only these).
    var attributes: [DocumentNode.Member]
    /// Parts of the file that could not be read, in the project's words with a line number.
    var problems: [String]
}

/// Why the reader could not read a part of an HCL file.
struct HCLReadError: Error, Equatable, CustomStringConvertible {
    var message: String
    var line: Int
    /// Nothing more can be read after it (the file ends inside a block, or a bound was hit).
    var isFinal = false

    var description: String { "\(message) at line \(line)" }
}
