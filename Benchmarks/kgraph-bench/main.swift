import Foundation

// kgraph's benchmarks: `kgraph-bench NAME [ARGS]`, one case per benchmark.
// Run them from a release build: `swift run -c release kgraph-bench graphio`.
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: kgraph-bench BENCHMARK [ARGS]
      graphio [NODES EDGES]      write and read a synthetic graph as GraphML (each in its own process)
                                 and, when python3 has igraph, the same with igraph
      graphio-write FILE [NODES EDGES]   generate and write (prints seconds and peak memory)
      graphio-read FILE          read (prints seconds and peak memory)
      extract [BBC]              extraction throughput on one core over the BBC corpus (MB/s, articles/s)
      build [BBC]                whole builds over the BBC corpus with 1 and 2 threads
      merge [BBC] [COUNT]        merge COUNT graph files built from slices of the corpus (default 100)
    """

do {
    switch arguments.first {
    case "graphio":
        try GraphIOBenchmark.runAll(arguments: Array(arguments.dropFirst()))
    case "graphio-write":
        try GraphIOBenchmark.runWrite(arguments: Array(arguments.dropFirst()))
    case "graphio-read":
        try GraphIOBenchmark.runRead(arguments: Array(arguments.dropFirst()))
    case "extract":
        try ExtractionBenchmark.runExtract(arguments: Array(arguments.dropFirst()))
    case "build":
        try ExtractionBenchmark.runBuild(arguments: Array(arguments.dropFirst()))
    case "merge":
        try ExtractionBenchmark.runMerge(arguments: Array(arguments.dropFirst()))
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("kgraph-bench: \(error)\n".utf8))
    exit(1)
}
