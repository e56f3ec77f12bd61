import ArgumentParser
import Foundation
import KGraph
import KGraphFormats

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge graphs built on different days into one.",
        discussion: """
            Merging the graphs built from article sets A and B gives exactly the graph \
            one build over A and B gives: entities and edges are matched by id, mentions \
            are counted once per article, and evidence is the union. Merge is commutative, \
            associative and idempotent. Attributes kgraph does not know are kept.

              kgraph merge monday.graphml tuesday.graphml -o week.graphml --dot week.dot
            """
    )

    @Argument(help: ArgumentHelp("GraphML files to merge.", valueName: "graphs"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The GraphML file to write.", valueName: "file.graphml"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Also write the merged graph as DOT.", valueName: "file.dot"))
    var dot: String?

    @Option(name: .long, help: ArgumentHelp("Evidence sentences kept per edge (all when not given).", valueName: "n"))
    var maxEvidence: Int?

    @OptionGroup var filters: FilterOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one GraphML file") }
    }

    func run() throws {
        do {
            for path in [output, dot].compactMap({ $0 }) { try AtomicWrite.checkWritable(path) }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        var graph = KnowledgeGraph()
        var failures = 0
        for input in inputs {
            do {
                graph.merge(try GraphMLReader().read(from: input))
            } catch {
                Terminal.error("\(error)")
                failures += 1
            }
        }
        guard failures < inputs.count else {
            Terminal.error("no graph could be read; \(output) was not written")
            throw Exit.failure
        }
        let filter = try filters.filter(forGraph: graph, command: "merge")
        do {
            let filtered = try filter.apply(to: graph)
            try GraphMLWriter(maxEvidence: maxEvidence).write(filtered, to: output)
            if let dot { try DOTWriter().write(filtered, to: dot) }
            if !runOptions.quiet {
                Terminal.note("kgraph: merged \(inputs.count - failures) graphs: \(filtered.entities.count) entities, \(filtered.relations.count) relations → \(output)")
            }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        if failures > 0 { throw Exit.partial }
    }
}
