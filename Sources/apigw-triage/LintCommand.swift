import ArgumentParser
import TriageKit

/// `apigw-triage lint [DIR]`: validate a content folder; exit 1 on findings.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a content folder (the built-in content when no folder is given)."
    )

    @Argument(help: "The content folder to check.", completion: .directory) var directory: String?
    @Option(name: .long, help: ArgumentHelp("Same as the DIR argument.", valueName: "dir"), completion: .directory)
    var content: String?

    func run() throws {
        let folder = directory ?? content
        var options = ContentOptions()
        options.content = folder
        let (tree, issues) = try inspect(options.source)
        for issue in issues { print(issue) }
        let name = folder ?? "built-in content"
        if issues.isEmpty, let tree {
            let questions = tree.nodes.filter(\.kind.isQuestion).count
            let fixes = tree.nodes.filter { $0.kind == .fix }.count
            print("\(name): clean (\(tree.nodes.count) nodes: \(questions) questions, \(fixes) fixes; \(tree.causes.count) causes).")
            return
        }
        print("\(name): \(issues.count) finding\(issues.count == 1 ? "" : "s").")
        throw ExitStatus.findings.exitCode
    }

    private func inspect(_ source: ContentSource) throws -> (DecisionTree?, [ContentIssue]) {
        do {
            return try ContentLoader.inspect(source)
        } catch {
            printError("apigw-triage: \(error.description)")
            throw ExitStatus.unreadable.exitCode
        }
    }
}
