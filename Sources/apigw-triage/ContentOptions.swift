import ArgumentParser
import Foundation
import TriageContent
import TriageKit

/// `--content DIR`, shared by every command: use a content folder instead of the built-in one.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Use the decision tree in this folder instead of the built-in one.", valueName: "dir"),
        completion: .directory)
    var content: String?

    var source: ContentSource { Self.source(content: content) }

    /// The folder given with `--content`, else the built-in content.
    static func source(content: String?) -> ContentSource {
        if let content { return .directory(content) }
        return .files(BuiltInContent.files.map { ContentFile(path: $0.path, text: $0.text) })
    }

    /// Loads the content, or prints why not and exits (3 unreadable, 1 invalid). A `--content`
    /// folder is validated; the built-in copy was validated before it was built into the binary.
    func loadTree() throws -> DecisionTree {
        do {
            return try ContentLoader.load(source, validating: content != nil)
        } catch {
            printError("apigw-triage: \(error.description)")
            if case .invalid = error {
                printError("Run 'apigw-triage lint\(content.map { " \($0)" } ?? "")' for the full list.")
                throw ExitStatus.findings.exitCode
            }
            throw ExitStatus.unreadable.exitCode
        }
    }
}

/// `--fact KEY=VALUE`, repeatable: facts known before the session starts.
struct FactOptions: ParsableArguments {
    @Option(name: .customLong("fact"), help: ArgumentHelp("A fact for the commands, e.g. --fact api_id=a1b2c3d4e5 (repeatable).", valueName: "key=value"))
    var facts: [String] = []

    /// Parses and checks every fact against the vocabulary; a bad one is a usage error.
    func parsed(for tree: DecisionTree) throws -> [String: String] {
        var result: [String: String] = [:]
        for entry in facts {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--fact takes KEY=VALUE, got '\(entry)'")
            }
            let key = String(entry[..<equals])
            let value = String(entry[entry.index(after: equals)...])
            if let problem = AnswerParser.validateFact(value, key: key, in: tree) {
                let known = tree.facts.map(\.key).joined(separator: ", ")
                throw ValidationError("--fact \(entry): \(problem.description)\(tree.fact(key) == nil ? " Known facts: \(known)." : "")")
            }
            result[key] = value
        }
        return result
    }
}

/// `--format`, for the commands that print text or JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
