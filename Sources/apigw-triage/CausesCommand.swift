import ArgumentParser
import TriageKit

/// `apigw-triage causes`: the cause catalogue.
struct CausesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "causes", abstract: "List the cause catalogue.")

    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let tree = try contentOptions.loadTree()
        switch format {
        case .json:
            print(try JSONText.encode(tree.causes))
        case .text:
            let width = tree.causes.map(\.id.count).max() ?? 0
            for cause in tree.causes {
                let id = cause.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let statuses = cause.statuses.map(String.init).joined(separator: "/")
                print("\(id)  \(statuses.padding(toLength: 11, withPad: " ", startingAt: 0)) \(cause.title)")
            }
            print("\n\(tree.causes.count) causes. 'apigw-triage fix CAUSE' prints one's fix.")
        }
    }
}
