import ArgumentParser
import Foundation
import KGraph
import KGraphFormats

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a graph between GraphML and DOT.",
        discussion: """
            Each format comes from the file's extension (.graphml or .xml, .dot or .gv) \
            or from --from and --to. kgraph's own files convert both ways without loss: \
            the DOT it writes carries every name, alias, mention and evidence sentence \
            in kg_ attributes that Graphviz ignores. Any GraphML is read (networkx, \
            igraph, yEd), and any DOT that Graphviz reads; unknown attributes are kept, \
            parallel edges too.

              kgraph convert graphs/seed.graphml seed.dot
              kgraph convert seed.dot seed.graphml
              kgraph convert network.graphml --to dot out.gv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case graphml, dot
    }

    @Argument(help: ArgumentHelp("The graph to read (GraphML or DOT).", valueName: "in"))
    var input: String

    @Argument(help: ArgumentHelp("The file to write.", valueName: "out"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Input format, when the extension does not say.", valueName: "graphml|dot"))
    var from: Format?

    @Option(name: .long, help: ArgumentHelp("Output format, when the extension does not say.", valueName: "graphml|dot"))
    var to: Format?

    @Option(name: .long, help: ArgumentHelp("Evidence sentences kept per edge.", valueName: "n"))
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
        if from == nil && Self.format(of: input) == nil {
            throw ValidationError("cannot tell the input format from \"\(input)\"; use --from graphml or --from dot")
        }
        if to == nil && Self.format(of: output) == nil {
            throw ValidationError("cannot tell the output format from \"\(output)\"; use --to graphml or --to dot")
        }
    }

    func run() throws {
        do { try AtomicWrite.checkWritable(output) } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        let graph: KnowledgeGraph
        do {
            switch from ?? Self.format(of: input)! {
            case .graphml: graph = try GraphMLReader().read(from: input)
            case .dot: graph = try DOTReader().read(from: input)
            }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        let filter = try filters.filter(forGraph: graph, command: "convert")
        do {
            let filtered = try filter.apply(to: graph)
            switch to ?? Self.format(of: output)! {
            case .graphml: try GraphMLWriter(maxEvidence: maxEvidence).write(filtered, to: output)
            case .dot: try DOTWriter(maxEvidence: maxEvidence).write(filtered, to: output)
            }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
    }
}
