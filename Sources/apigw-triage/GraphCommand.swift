import ArgumentParser
import TriageKit

/// `apigw-triage graph`: the tree as Graphviz dot, Mermaid or JSON.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Export the decision tree.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, json }

    @Option(help: "dot, mermaid or json.") var format: Format = .dot
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let graph = TreeGraph(tree: try contentOptions.loadTree())
        switch format {
        case .dot: print(graph.dot(), terminator: "")
        case .mermaid: print(graph.mermaid(), terminator: "")
        case .json: print(try JSONText.encode(graph))
        }
    }
}
