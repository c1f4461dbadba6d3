/// Helpers for deciding whether a value may become a fact.
enum FactText {
    /// A value is concrete when it holds no wildcard, stage variable or template placeholder.
    static func isConcrete(_ text: String) -> Bool {
        !text.contains("*") && !text.contains("?") && !text.contains("${") && !text.contains("{{")
    }

    /// API ids (REST and HTTP) are ten lower-case letters and digits.
    static func isApiId(_ text: String) -> Bool {
        text.count == 10 && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}
