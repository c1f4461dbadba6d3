import ArgumentParser
import TriageKit

/// `apigw-triage commands` (hidden): every command of the content, filled for each API type and
/// stage kind, as JSON. `Scripts/check-commands` feeds them to the AWS CLI parser and shellcheck.
struct CommandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commands",
        abstract: "Print every command of the content, rendered for each API type (JSON; for Scripts/check-commands).",
        shouldDisplay: false
    )

    @OptionGroup var factOptions: FactOptions
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let tree = try contentOptions.loadTree()
        print(try JSONText.encode(CommandInventory.render(tree, extraFacts: try factOptions.parsed(for: tree))))
    }
}
