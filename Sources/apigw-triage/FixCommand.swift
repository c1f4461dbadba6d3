import ArgumentParser
import Foundation
import TriageKit

/// `apigw-triage fix CAUSE`: one cause's fix, with the given facts filled in.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Print the fix for a cause id (see 'apigw-triage causes')."
    )

    @Argument(help: "A cause id from the catalogue, e.g. lambda-invoke-permission.")
    var cause: String

    @OptionGroup var factOptions: FactOptions
    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let tree = try contentOptions.loadTree()
        guard let fix = Engine(tree: tree).renderFix(cause: cause, facts: try factOptions.parsed(for: tree)) else {
            throw ValidationError("unknown cause '\(cause)'. Causes: \(tree.causes.map(\.id).joined(separator: ", "))")
        }
        switch format {
        case .text: print(FixText.render(fix), terminator: "")
        case .json: print(try JSONText.encode(fix))
        }
    }
}

/// JSON output with stable key order and no escaped slashes.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        // Control characters from evidence (C1, bidi overrides) are escaped, not printed raw.
        try JSONOutputText.encode(value)
    }
}
