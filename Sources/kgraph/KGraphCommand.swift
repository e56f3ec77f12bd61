import ArgumentParser

@main
struct KGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgraph",
        abstract: "Build an entity-relation knowledge graph from news articles, offline.",
        discussion: """
            kgraph reads articles (.txt pages saved from news sites, HTML pages, JSON Lines \
            from a scraper), finds the people, countries, organisations and places in them \
            and the typed relations between them (supplies, funds, meets, sanctions, …), each \
            with the sentence that supports it, and writes one graph as GraphML (Gephi, yEd, \
            Cytoscape, networkx, igraph, Neo4j) and DOT (Graphviz).

              kgraph build examples/ -o graphs/examples.graphml --dot graphs/examples.dot
              kgraph inspect graphs/examples.graphml --entity "North Korea"
              kgraph render graphs/examples.graphml -o graphs/examples.svg

            Exit codes:
              0   success
              1   partial: some inputs were skipped (each named on standard error); \
            the output holds everything else
              2   failure: nothing could be done; no output was written or changed
              64  usage error: a bad option or argument
            """,
        version: "kgraph 0.1.0",
        subcommands: [Extract.self, Build.self, Merge.self, Convert.self, Inspect.self, Render.self]
    )
}

/// kgraph's exit codes, documented in `kgraph --help`.
enum Exit {
    static let partial = ExitCode(1)
    static let failure = ExitCode(2)
}
