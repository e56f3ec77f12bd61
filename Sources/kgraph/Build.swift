import ArgumentParser
import Foundation
import KGraph
import KGraphExtract
import KGraphFormats

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build one graph from articles and write it as GraphML (and DOT).",
        discussion: """
            Reads files, folders (recursively) and JSON Lines (- for standard input), \
            extracts every article on all cores, and merges the result into one graph: \
            each actor once, each (source, relation, target) once with how often, in how \
            many articles and since when it is reported. The same input gives the same \
            bytes, whatever the order of the files or the number of threads.

            An article that cannot be read (missing, empty, binary, not UTF-8, a bad JSON \
            line) is skipped with a one-line error naming it; the graph of the others is \
            still written and kgraph exits with 1. If no article can be read, nothing is \
            written and kgraph exits with 2. A text or HTML file larger than 8 MB is not \
            taken for one article and is skipped the same way (split it, or give JSON \
            Lines). Outputs are checked before any work and replaced atomically: an \
            unwritable output stops the run (exit 2) before anything is read, and a failed \
            or interrupted run never leaves a truncated file or changes the previous one.

              kgraph build examples/ -o graphs/examples.graphml --dot graphs/examples.dot
              kgraph build ../corpus/bbc/politics -o politics.graphml --report politics-entities.txt
              kgraph build news.jsonl -o sanctions.graphml --relations sanctions,funds --since 2024-01-01
            """
    )

    @Argument(help: ArgumentHelp("Article files or folders; - reads JSON Lines from standard input.", valueName: "paths"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The GraphML file to write.", valueName: "file.graphml"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Also write the graph as DOT for Graphviz.", valueName: "file.dot"))
    var dot: String?

    @Option(name: .long, help: ArgumentHelp("Write which surface forms went to which entity, and the doubtful cases.", valueName: "file"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Evidence sentences kept per edge in GraphML (all when not given; counts stay exact).", valueName: "n"))
    var maxEvidence: Int?

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one article file or folder") }
        if let maxEvidence, maxEvidence < 0 { throw ValidationError("--max-evidence must be 0 or more") }
    }

    func run() throws {
        let started = Date()
        let extractor: Extractor
        let filter: GraphFilter
        do {
            for path in [output, dot, report].compactMap({ $0 }) { try AtomicWrite.checkWritable(path) }
            extractor = try extraction.makeExtractor()
            filter = try filters.filter(knownRelations: Set(extractor.patterns.patterns.map(\.relation)).union(RelationType.builtIn))
        } catch let error as ValidationError {
            // Known only once the patterns are loaded, so not in validate(): same exit, one line.
            Terminal.error("\(error) (see kgraph build --help)")
            throw ExitCode.validationFailure
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        let (files, inputErrors) = Inputs.expand(inputs, format: extraction.inputFormat)
        let progress = Progress(enabled: !runOptions.quiet, noun: "files")
        let result = GraphBuilder(extractor: extractor, reader: extraction.reader)
            .build(paths: files, threads: runOptions.threads) { done, total, articles in
                progress.update(done: done, total: total, articles: articles)
            }
        progress.finish()
        let errors = inputErrors + result.errors
        for error in errors { Terminal.error(error.description) }
        guard result.articles > 0 else {
            Terminal.error("no article could be read; \(output) was not written")
            throw Exit.failure
        }
        let graph: KnowledgeGraph
        do { graph = try filter.apply(to: result.graph) } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        do {
            try GraphMLWriter(maxEvidence: maxEvidence).write(graph, to: output)
            if let dot { try DOTWriter().write(graph, to: dot) }
            if let report { try AtomicWrite.write(Data(ResolutionReport(graph: result.graph).text.utf8), to: report) }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        if !runOptions.quiet {
            let seconds = Date().timeIntervalSince(started)
            var summary = "kgraph: \(result.articles) articles, \(graph.entities.count) entities, \(graph.relations.count) relations"
            summary += " (\(result.relations) statements) in \(String(format: "%.1f", seconds)) s"
            if !errors.isEmpty { summary += "; \(errors.count) skipped (see errors above)" }
            if !result.duplicateArticles.isEmpty { summary += "; \(result.duplicateArticles.count) duplicate articles ignored" }
            Terminal.note(summary + " → \(output)" + (dot.map { ", \($0)" } ?? ""))
        }
        if !errors.isEmpty { throw Exit.partial }
    }
}
