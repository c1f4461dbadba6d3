import Foundation
import Yams

@testable import TriageKit

/// Both readers' trees written the same canonical way, so a test can compare `YAMLReader` with
/// Yams (the reader it replaced) node by node: kind, text, style, resolved type or tag, line.
enum YamsReference {
    /// Yams' reading of every document in `text`.
    static func canonical(yams text: String) throws -> [String] {
        let parser = try Yams.Parser(yaml: text)
        var documents: [String] = []
        while let root = try parser.nextRoot() {
            var out = ""
            write(root, into: &out, indent: "")
            documents.append(out)
        }
        return documents
    }

    /// `YAMLReader`'s reading of every document in `text`.
    static func canonical(reader text: String) throws -> [String] {
        try YAMLReader.documents(text).map { root in
            var out = ""
            write(root, into: &out, indent: "")
            return out
        }
    }

    private static func yamsType(_ node: Yams.Node) -> String {
        let raw = node.tag.rawValue
        let standard = "tag:yaml.org,2002:"
        guard raw.hasPrefix(standard) else { return raw }
        switch String(raw.dropFirst(standard.count)) {
        case "int", "float": return "number"
        case "null": return "null"
        case "bool": return "bool"
        case "map": return "map"
        case "seq": return "seq"
        default: return "str"
        }
    }

    private static func readerType(_ node: YAMLNode) -> String {
        if let tag = node.tag {
            let standard = YAMLTag.prefix
            guard tag.hasPrefix(standard) else { return tag }
            switch String(tag.dropFirst(standard.count)) {
            case "int", "float": return "number"
            case "null", "bool", "map", "seq": return String(tag.dropFirst(standard.count))
            default: return "str"
            }
        }
        switch node.content {
        case .mapping: return "map"
        case .sequence: return "seq"
        case .scalar(let text, let style):
            guard style == .plain else { return "str" }
            switch YAMLImplicitType.of(text) {
            case .null: return "null"
            case .bool: return "bool"
            case .number: return "number"
            case .string: return "str"
            }
        }
    }

    private static func write(_ node: Yams.Node, into out: inout String, indent: String) {
        let line = node.mark?.line ?? 0
        switch node {
        case .scalar(let scalar):
            // An empty plain value has no position of its own (libyaml marks the next token).
            let shownLine = scalar.string.isEmpty && scalar.style == .plain ? 0 : line
            out += "\(indent)scalar \(style(scalar.style)) \(yamsType(node)) @\(shownLine) \(scalar.string.debugDescription)\n"
        case .mapping(let mapping):
            out += "\(indent)map \(yamsType(node)) @\(line)\n"
            for (key, value) in mapping {
                write(key, into: &out, indent: indent + "  ? ")
                write(value, into: &out, indent: indent + "  : ")
            }
        case .sequence(let sequence):
            out += "\(indent)seq \(yamsType(node)) @\(line)\n"
            for item in sequence { write(item, into: &out, indent: indent + "  - ") }
        case .alias:
            out += "\(indent)alias\n"
        }
    }

    private static func write(_ node: YAMLNode, into out: inout String, indent: String) {
        switch node.content {
        case .scalar(let text, let scalarStyle):
            let shownLine = text.isEmpty && scalarStyle == .plain ? 0 : node.line
            out += "\(indent)scalar \(style(scalarStyle)) \(readerType(node)) @\(shownLine) \(text.debugDescription)\n"
        case .mapping(let pairs):
            out += "\(indent)map \(readerType(node)) @\(node.line)\n"
            for pair in pairs {
                write(pair.key, into: &out, indent: indent + "  ? ")
                write(pair.value, into: &out, indent: indent + "  : ")
            }
        case .sequence(let items):
            out += "\(indent)seq \(readerType(node)) @\(node.line)\n"
            for item in items { write(item, into: &out, indent: indent + "  - ") }
        }
    }

    private static func style(_ style: Yams.Node.Scalar.Style) -> String {
        switch style {
        case .plain, .any: "plain"
        case .singleQuoted: "single"
        case .doubleQuoted: "double"
        case .literal: "literal"
        case .folded: "folded"
        }
    }

    private static func style(_ style: YAMLScalarStyle) -> String {
        switch style {
        case .plain: "plain"
        case .singleQuoted: "single"
        case .doubleQuoted: "double"
        case .literal: "literal"
        case .folded: "folded"
        }
    }

    /// Every YAML file of the package's content, scenarios and fixtures.
    static func packageYAMLFiles() -> [URL] {
        let root = Fixtures.packageRoot
        var files: [URL] = []
        for folder in ["Content", "Resources/scenarios", "Tests/Fixtures"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
