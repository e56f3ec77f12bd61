import Foundation
import KGraph
import KGraphExtract
import KGraphFormats

/// Extraction, build and merge over the BBC corpus in `../shared`.
enum ExtractionBenchmark {
    static func corpus(_ arguments: [String]) throws -> String {
        let path = arguments.first ?? "../shared/corpus/bbc"
        guard FileManager.default.fileExists(atPath: path) else {
            throw BenchmarkError("\(path) is absent; give the BBC corpus folder as the first argument")
        }
        return path
    }

    static func files(in folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var result: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".txt") && !relative.uppercased().hasPrefix("README") {
                result.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return result.sorted()
    }

    /// `extract [FOLDER]`: articles read into memory first, then extraction timed on one core.
    static func runExtract(arguments: [String]) throws {
        let folder = try corpus(arguments)
        let reader = ArticleReader()
        let articles = try files(in: folder).flatMap { try reader.read(path: $0).articles }
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
        let loadStart = ContinuousClock.now
        let extractor = try Extractor.standard()
        let loadSeconds = GraphIOBenchmark.seconds(since: loadStart)
        // One untimed pass warms caches; then the best of three.
        var best = Double.infinity
        var bestCPU = Double.infinity
        var mentions = 0, relations = 0
        for round in 0..<4 {
            let cpuStart = cpuSeconds()
            let start = ContinuousClock.now
            mentions = 0
            relations = 0
            for article in articles {
                let extraction = extractor.extract(article)
                mentions += extraction.mentions.count
                relations += extraction.relations.count
            }
            if round > 0 {
                best = min(best, GraphIOBenchmark.seconds(since: start))
                bestCPU = min(bestCPU, cpuSeconds() - cpuStart)
            }
        }
        let megabytes = Double(bytes) / 1_000_000
        GraphIOBenchmark.say(String(
            format: "extract: %d articles, %.2f MB, %d mentions, %d relations; lexicon+patterns load %.2f s",
            articles.count, megabytes, mentions, relations, loadSeconds))
        GraphIOBenchmark.say(String(
            format: "extract: %.3f s wall on one thread (best of 3) = %.1f MB/s, %.0f articles/s",
            best, megabytes / best, Double(articles.count) / best))
        GraphIOBenchmark.say(String(
            format: "extract: %.3f s of CPU (best of 3) = %.1f MB/s, %.0f articles/s per core; peak memory %@; load average %@",
            bestCPU, megabytes / bestCPU, Double(articles.count) / bestCPU, GraphIOBenchmark.peakMemory(), loadAverage()))
    }

    /// `build [FOLDER]`: the whole build (read, extract, merge) with 1 and 2 threads.
    static func runBuild(arguments: [String]) throws {
        let folder = try corpus(arguments)
        let paths = files(in: folder)
        let builder = GraphBuilder(extractor: try Extractor.standard())
        var reference: Data?
        for threads in [1, 2, 1, 2] {
            let start = ContinuousClock.now
            let result = builder.build(paths: paths, threads: threads)
            let seconds = GraphIOBenchmark.seconds(since: start)
            let bytes = try GraphMLWriter().data(for: result.graph)
            if reference == nil { reference = bytes }
            GraphIOBenchmark.say(String(
                format: "build: %d articles, %d threads: %.3f s; %d entities, %d edges; same bytes as the first run: %@",
                result.articles, threads, seconds, result.graph.entities.count, result.graph.relations.count,
                bytes == reference ? "yes" : "NO"))
        }
        GraphIOBenchmark.say("build: peak memory \(GraphIOBenchmark.peakMemory())")
    }

    /// `merge [FOLDER] [COUNT]`: COUNT graph files (one per slice of the corpus), then one merge.
    static func runMerge(arguments: [String]) throws {
        let folder = try corpus(arguments)
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 100 : 100
        let paths = files(in: folder)
        let builder = GraphBuilder(extractor: try Extractor.standard())
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-merge-bench-\(getpid())")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        var graphFiles: [String] = []
        for slice in 0..<count {
            let part = paths.enumerated().filter { $0.offset % count == slice }.map(\.element)
            let file = temporary.appendingPathComponent("part-\(slice).graphml").path
            try GraphMLWriter().write(builder.build(paths: part, threads: 2).graph, to: file)
            graphFiles.append(file)
        }
        let totalBytes = try graphFiles.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let start = ContinuousClock.now
        var merged = KnowledgeGraph()
        for file in graphFiles { merged.merge(try GraphMLReader().read(from: file)) }
        let readMerge = GraphIOBenchmark.seconds(since: start)
        let output = temporary.appendingPathComponent("merged.graphml").path
        try GraphMLWriter().write(merged, to: output)
        let total = GraphIOBenchmark.seconds(since: start)
        let whole = try GraphMLWriter().data(for: builder.build(paths: paths, threads: 2).graph)
        let same = try Data(contentsOf: URL(fileURLWithPath: output)) == whole
        GraphIOBenchmark.say(String(
            format: "merge: %d files (%.1f MB): read+merge %.3f s, with writing %.3f s; %d entities, %d edges; equals one build over all: %@; peak memory %@",
            count, Double(totalBytes) / 1_000_000, readMerge, total, merged.entities.count, merged.relations.count,
            same ? "yes" : "NO", GraphIOBenchmark.peakMemory()))
    }
}


/// CPU time this process has used (user + system), which a busy machine does not inflate
/// the way it inflates wall time.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// The one-minute load average, so a reader can tell a busy machine's figures.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}
