/// Decodes `Decodable` values from YAML text through `YAMLReader`, the way Yams' `YAMLDecoder`
/// did for the content: any scalar decodes as a `String`; booleans (`true`, `yes`, `on`...) and
/// numbers only from plain scalars; null from plain `~`, `null` or nothing; merge keys applied.
public struct YAMLTreeDecoder {
    public init() {}

    /// Decodes the text's single document (an empty text decodes as an empty scalar).
    public func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let root = try YAMLReader.singleDocument(text) ?? YAMLNode(.scalar("", .plain), line: 1, column: 1)
        return try decode(type, from: root)
    }

    /// Decodes a node already read.
    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws -> T {
        try YAMLNodeDecoder(node: node, codingPath: []).decode(type)
    }
}

/// The `Decoder` over one node; containers hand out one of these per child.
struct YAMLNodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.flattenedPairs else { throw mismatch([String: String].self) }
        return KeyedDecodingContainer(YAMLKeyedContainer<Key>(decoder: self, pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = node.content else { throw mismatch([String].self) }
        return YAMLUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func child(_ node: YAMLNode, key: any CodingKey) -> YAMLNodeDecoder {
        YAMLNodeDecoder(node: node, codingPath: codingPath + [key])
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        let found: String
        switch node.content {
        case .scalar(let text, _): found = "scalar '\(text.count > 40 ? String(text.prefix(40)) + "..." : text)'"
        case .sequence: found = "a sequence"
        case .mapping: found = "a mapping"
        }
        return DecodingError.typeMismatch(
            type, DecodingError.Context(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(found) (line \(node.line))."))
    }

    // MARK: Single values

    func decodeNil() -> Bool { node.isNull }

    /// The scalar's text, when the node is a scalar.
    func scalar(_ type: Any.Type) throws -> (String, YAMLScalarStyle) {
        guard case .scalar(let text, let style) = node.content else { throw mismatch(type) }
        return (text, style)
    }

    /// A scalar that may hold an implicit type: plain and without a `!!str` tag.
    func typedScalar(_ type: Any.Type) throws -> String {
        let (text, style) = try scalar(type)
        guard style == .plain, node.tag != YAMLTag.str else { throw mismatch(type) }
        return text
    }

    func decode(_ type: String.Type) throws -> String { try scalar(type).0 }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try typedScalar(type).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let value = YAMLNumber.double(try typedScalar(type)) else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = YAMLNumber.integer(try typedScalar(type), as: type) else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The scalar types go through the methods above, so String, Bool and numbers decode the
        // same inside containers and at the top.
        switch type {
        case is String.Type: return try decode(String.self) as! T
        case is Bool.Type: return try decode(Bool.self) as! T
        case is Int.Type: return try decode(Int.self) as! T
        case is Double.Type: return try decode(Double.self) as! T
        default: return try T(from: self)
        }
    }
}
