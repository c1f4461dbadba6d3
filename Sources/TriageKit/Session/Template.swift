import Foundation

/// Command and text templates: `{{key}}` is replaced by the fact's value, or by the fact's
/// placeholder (e.g. `<api-id>`) when it is unknown.
public enum Template {
    /// The fact keys a template refers to, in order of first appearance.
    public static func placeholders(in text: String) -> [String] {
        var keys: [String] = []
        forEachPiece(of: text) { piece in
            if case .placeholder(let key) = piece, !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// Fills a template; returns the text and the keys that had no value.
    public static func fill(
        _ text: String, facts: [String: String], placeholder: (String) -> String
    ) -> (text: String, missing: [String]) {
        var output = ""
        var missing: [String] = []
        forEachPiece(of: text) { piece in
            switch piece {
            case .literal(let literal):
                output += literal
            case .placeholder(let key):
                if let value = facts[key], !value.isEmpty {
                    output += value
                } else {
                    output += placeholder(key)
                    if !missing.contains(key) { missing.append(key) }
                }
            }
        }
        return (output, missing)
    }

    private enum Piece {
        case literal(Substring)
        case placeholder(String)
    }

    /// Splits on `{{key}}`; a `{{` without a closing `}}` stays literal text.
    private static func forEachPiece(of text: String, _ body: (Piece) -> Void) {
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = rest[open.upperBound..<close.lowerBound].trimmedOfWhitespace()
            let isKey = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            if isKey {
                body(.literal(rest[..<open.lowerBound]))
                body(.placeholder(key))
            } else {
                body(.literal(rest[..<close.upperBound]))
            }
            rest = rest[close.upperBound...]
        }
        body(.literal(rest))
    }
}
