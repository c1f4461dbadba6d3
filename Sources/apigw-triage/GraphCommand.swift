import ArgumentParser
import TriageKit

/// `apigw-triage graph`: the tree as Graphviz dot, Mermaid or JSON.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Export the decision tree.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, json, outline }

    @Option(help: "dot, mermaid, json, or outline (the indented text map that 'map' shows in the wizard).")
    var format: Format = .dot
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let tree = try contentOptions.loadTree()
        let graph = TreeGraph(tree: tree)
        switch format {
        case .outline: print(OutlineText.render(Engine(tree: tree).outline()), terminator: "")
        case .dot: print(graph.dot(), terminator: "")
        case .mermaid: print(graph.mermaid(), terminator: "")
        case .json: print(try JSONText.encode(graph))
        }
    }
}
