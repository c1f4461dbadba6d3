import Foundation

/// One value of a parsed JSON or YAML document, with the line it starts on.
///
/// JSON and YAML documents both become this tree, so the configuration checks are written once.
/// Object members keep the line of their key: a finding quotes the line where the offending key
/// sits. CloudFormation short-form tags (`!Ref X`) become their long form (`{"Ref": "X"}`).
struct DocumentNode: Sendable {
    enum Value: Sendable {
        case object([Member])
        case array([DocumentNode])
        case string(String)
        /// The number as written (`29000`, `2.0`), so `2.0` does not turn into `2`.
        case number(String)
        case bool(Bool)
        case null
    }

    /// One key of an object, with the 1-based line the key is written on.
    struct Member: Sendable {
        var key: String
        var line: Int
        var value: DocumentNode
    }

    var value: Value
    /// 1-based line where the value starts.
    var line: Int

    init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

extension DocumentNode {
    /// The members of an object, in document order (empty for anything else).
    var members: [Member] {
        if case .object(let members) = value { return members }
        return []
    }

    /// The elements of an array (empty for anything else).
    var elements: [DocumentNode] {
        if case .array(let elements) = value { return elements }
        return []
    }

    var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    var isArray: Bool {
        if case .array = value { return true }
        return false
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The member for `key`; with duplicate keys the last one counts, as most JSON readers do.
    func member(_ key: String) -> Member? {
        members.last { $0.key == key }
    }

    /// The member whose key equals `key` ignoring case (IAM condition keys, exported enum values).
    func member(caseInsensitive key: String) -> Member? {
        members.last { $0.key.caseInsensitiveCompare(key) == .orderedSame }
    }

    subscript(key: String) -> DocumentNode? { member(key)?.value }

    /// The keys of an object, in document order.
    var keys: [String] { members.map(\.key) }

    /// The value when it is a string.
    var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// A scalar as text: strings as they are, numbers as written, booleans as `true`/`false`.
    var scalarText: String? {
        switch value {
        case .string(let text), .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .object, .array: nil
        }
    }

    /// A whole number, from a number or from a string holding one (AWS prints some numbers as strings).
    var integer: Int? {
        guard let text = scalarText?.trimmedOfWhitespace() else { return nil }
        if let whole = Int(text) { return whole }
        if let real = Double(text), real.rounded() == real, abs(real) < 1e15 { return Int(real) }
        return nil
    }

    var bool: Bool? {
        switch value {
        case .bool(let flag): flag
        case .string(let text) where text.lowercased() == "true": true
        case .string(let text) where text.lowercased() == "false": false
        default: nil
        }
    }

    /// A word for the value's type, for messages ("an object", "a number").
    var typeDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// Every string anywhere inside this value, depth first (to find ARNs and references).
    var allStrings: [String] {
        switch value {
        case .string(let text): [text]
        case .object(let members): members.flatMap { [$0.key] + $0.value.allStrings }
        case .array(let elements): elements.flatMap(\.allStrings)
        case .number, .bool, .null: []
        }
    }
}
