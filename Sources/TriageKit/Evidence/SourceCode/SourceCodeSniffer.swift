/// Tells source code apart from logs and documents by lines only code starts with.
enum SourceCodeSniffer {
    enum Source: Equatable {
        case cdk(language: String)
        case function(language: String, handler: String?)
        case diff(files: [String])
    }

    /// Below every log and document format, so source code never steals their files.
    static let lowScore = 20

    /// Lines starting (at column 0) with these prefixes are signals of a language.
    static let languages: [(name: String, prefixes: [String])] = [
        ("Python", ["import ", "from ", "def ", "async def ", "class ", "if __name__"]),
        (
            "JavaScript/TypeScript",
            [
                "import ", "export ", "const ", "let ", "var ", "function ", "async function ", "exports.",
                "module.exports", "'use strict'", "\"use strict\"", "interface ", "type ",
            ]
        ),
        ("Go", ["package ", "import (", "import \"", "func ", "type "]),
        ("Java", ["package ", "import ", "public class ", "public final class ", "@Override", "public interface "]),
        ("C#", ["using ", "namespace ", "public class ", "[assembly:", "public static class "]),
    ]

    /// Every prefix of `languages` and the hunk header's, as bytes for `SourceCodeInspector.gate`:
    /// `classify` finds nothing unless a line starts with one of them. Keep in step with `languages`
    /// (`SampleGateTests` checks it).
    static let gatePrefixes: [StaticString] = [
        "@@ -", "import ", "from ", "def ", "async def ", "class ", "if __name__", "export ", "const ", "let ",
        "var ", "function ", "async function ", "exports.", "module.exports", "'use strict'", "\"use strict\"",
        "interface ", "type ", "package ", "import (", "import \"", "func ", "public class ", "public final class ",
        "@Override", "public interface ", "using ", "namespace ", "[assembly:", "public static class ",
    ]

    static let cdkMarkers: [(marker: String, language: String)] = [
        ("aws-cdk-lib", "TypeScript/JavaScript"), ("@aws-cdk/", "TypeScript/JavaScript"),
        ("import aws_cdk", "Python"), ("from aws_cdk", "Python"), ("software.amazon.awscdk", "Java"),
        ("github.com/aws/aws-cdk-go/awscdk", "Go"), ("using Amazon.CDK", "C#"),
    ]

    static func classify(_ head: String) -> Source? {
        let lines = head.split(separator: "\n", omittingEmptySubsequences: true).prefix(400)
            .map { $0.last == "\r" ? $0.dropLast() : $0 }
        if let files = diffFiles(lines) { return .diff(files: files) }
        guard let language = language(lines) else { return nil }
        if let cdk = cdkMarkers.first(where: { marker in lines.contains { isImport($0) && $0.contains(marker.marker) } }) {
            return .cdk(language: cdk.language)
        }
        return .function(language: language, handler: handler(lines))
    }

    /// The files a diff touches, when the sample is a diff.
    static func diffFiles(_ lines: [Substring]) -> [String]? {
        var files: [String] = []
        var hunks = 0
        for line in lines {
            if line.hasPrefix("diff --git ") {
                if let name = line.split(separator: " ").last { files.append(String(name.dropFirst(2))) }
            } else if line.hasPrefix("+++ "), let name = line.dropFirst(4).split(separator: "\t").first {
                let path = name.hasPrefix("b/") ? String(name.dropFirst(2)) : String(name)
                if !files.contains(path), path != "/dev/null" { files.append(path) }
            } else if isHunkHeader(line) {
                hunks += 1
            }
        }
        return hunks > 0 && (!files.isEmpty || lines.contains { $0.hasPrefix("--- ") }) ? files : nil
    }

    /// `@@ -1,3 +1,4 @@` (the counts are optional).
    static func isHunkHeader(_ line: Substring) -> Bool {
        guard line.hasPrefix("@@ -") else { return false }
        let parts = line.split(separator: " ")
        guard parts.count >= 4, parts[3].hasPrefix("@@"), parts[2].hasPrefix("+") else { return false }
        let numbers = { (part: Substring) in part.dropFirst().split(separator: ",").allSatisfy { $0.allSatisfy(\.isNumber) } }
        return numbers(parts[1]) && numbers(parts[2])
    }

    /// The language with the most distinct signals, when it has at least two.
    static func language(_ lines: [Substring]) -> String? {
        var best: (name: String, count: Int)?
        for language in languages {
            let found = Set(lines.compactMap { line in language.prefixes.first { line.hasPrefix($0) } })
            if found.count >= 2, found.count > (best?.count ?? 0) { best = (language.name, found.count) }
        }
        return best?.name
    }

    static func isImport(_ line: Substring) -> Bool {
        line.hasPrefix("import") || line.hasPrefix("from ") || line.hasPrefix("using ") || line.contains("require(")
            || line.hasPrefix("\t\"") || line.hasPrefix("  \"") || line.hasPrefix("    \"")
    }

    /// The handler's name, from the usual Lambda signatures.
    static func handler(_ lines: [Substring]) -> String? {
        for line in lines {
            for marker in ["def ", "exports.", "export const ", "export async function ", "export function "] {
                guard line.hasPrefix(marker), line.contains("event") || line.contains("handler") else { continue }
                let rest = line.dropFirst(marker.count)
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty, line.contains("event") || name.lowercased().contains("handler") { return String(name) }
            }
            if line.contains("lambda.Start(") { return "lambda.Start" }
        }
        return nil
    }
}
