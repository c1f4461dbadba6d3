/// One node of a YAML document as `YAMLReader` reads it: a scalar, a sequence or a mapping, with
/// its tag as written (`!Ref`, `tag:yaml.org,2002:str`) and the 1-based line and column it starts on.
///
/// Aliases are already replaced by copies of their anchor's node (counted against
/// `ParserLimits.yamlAliasExpansions`); merge keys (`<<`) stay in the mapping as written, and
/// `flattenedPairs` applies them, as the decoder does.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The tag as written, resolved against the standard `!!` handle; nil when the node has none.
    public var tag: String?
    /// 1-based line where the node (its properties, if any) starts.
    public var line: Int
    /// 1-based column (in bytes) where the node starts.
    public var column: Int

    public init(_ content: Content, tag: String? = nil, line: Int, column: Int) {
        self.content = content
        self.tag = tag
        self.line = line
        self.column = column
    }
}

/// How a scalar was written: plain scalars get implicit types (null, bool, number), the others are strings.
public enum YAMLScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One entry of a mapping, in document order.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is a plain scalar YAML reads as null (`~`, `null`, empty) without a tag saying otherwise.
    public var isNull: Bool {
        guard case .scalar(let text, let style) = content, style == .plain else { return false }
        guard tag == nil || tag == YAMLTag.null else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// Whether this key is a merge key (`<<`, plain and untagged).
    var isMergeKey: Bool {
        if case .scalar("<<", .plain) = content, tag == nil { return true }
        return false
    }

    /// The pairs of a mapping with merge keys applied: the pairs of the merged mapping(s) come
    /// first, then the mapping's own, so a later own key wins (Yams' order, which decoding relies on).
    public var flattenedPairs: [YAMLPair]? {
        guard case .mapping(let pairs) = content else { return nil }
        guard pairs.contains(where: { $0.key.isMergeKey }) else { return pairs }
        var merged: [YAMLPair] = []
        var own: [YAMLPair] = []
        for pair in pairs {
            guard pair.key.isMergeKey else {
                own.append(pair)
                continue
            }
            switch pair.value.content {
            case .mapping:
                merged += pair.value.flattenedPairs ?? []
            case .sequence(let items):
                // Earlier mappings in the list take precedence, so they are appended last.
                for item in items.reversed() { merged += item.flattenedPairs ?? [] }
            case .scalar:
                break
            }
        }
        return merged + own
    }

    /// The value for a plain string key (the last one when written twice; the reader refuses duplicates).
    public subscript(key: String) -> YAMLNode? {
        flattenedPairs?.last { $0.key.scalarText == key }?.value
    }
}

/// The standard tags the reader resolves `!!name` to.
public enum YAMLTag {
    public static let prefix = "tag:yaml.org,2002:"
    public static let null = prefix + "null"
    public static let str = prefix + "str"
}
