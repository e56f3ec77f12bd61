import ArgumentParser
import Foundation
import KGraph
import KGraphFormats

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a graph between GraphML and DOT.",
        discussion: """
            The format comes from the output's extension (.graphml, .dot, .gv) or --to. \
            Any GraphML is read: kgraph's own, and files written by networkx, igraph or \
            yEd (unknown attributes are kept, parallel edges too).

              kgraph convert graphs/seed.graphml seed.dot
              kgraph convert network.graphml --to dot out.gv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case graphml, dot
    }

    @Argument(help: ArgumentHelp("The graph to read (GraphML).", valueName: "in"))
    var input: String

    @Argument(help: ArgumentHelp("The file to write.", valueName: "out"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Output format, when the extension does not say.", valueName: "graphml|dot"))
    var to: Format?

    @Option(name: .long, help: ArgumentHelp("Evidence sentences kept per edge in GraphML.", valueName: "n"))
    var maxEvidence: Int?

    @OptionGroup var filters: FilterOptions

    static func format(of path: String) -> Format? {
        switch (path as NSString).pathExtension.lowercased() {
        case "graphml", "xml": .graphml
        case "dot", "gv": .dot
        default: nil
        }
    }

    func validate() throws {
        if to == nil && Self.format(of: output) == nil {
            throw ValidationError("cannot tell the output format from \"\(output)\"; use --to graphml or --to dot")
        }
    }

    func run() throws {
        let graph: KnowledgeGraph
        do {
            switch Self.format(of: input) {
            case .dot:
                throw CLIError("\(input): reading DOT is not supported yet; convert from GraphML")
            default:
                graph = try GraphMLReader().read(from: input)
            }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        do {
            let filtered = try filters.filter(knownRelations: nil).apply(to: graph)
            switch to ?? Self.format(of: output)! {
            case .graphml: try GraphMLWriter(maxEvidence: maxEvidence).write(filtered, to: output)
            case .dot: try DOTWriter().write(filtered, to: output)
            }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
    }
}
