import Dispatch
import Foundation
import KGraph

/// Builds one graph from many articles, in parallel.
///
/// Each article is read and extracted on its own (reading, analysis and
/// extraction share nothing mutable), then the per-article graphs merge.
/// Merging is commutative, associative and idempotent, so the result is the
/// same whatever the order of the inputs or the number of threads.
public struct GraphBuilder: Sendable {
    public let extractor: Extractor
    public let reader: ArticleReader

    public init(extractor: Extractor, reader: ArticleReader = ArticleReader()) {
        self.extractor = extractor
        self.reader = reader
    }

    /// What a build produced, and what it could not read.
    public struct Result: Sendable {
        public var graph = KnowledgeGraph()
        public var articles = 0
        public var mentions = 0
        public var relations = 0
        /// One error per article or file that was skipped, in input order.
        public var errors: [ArticleError] = []
        /// Article ids seen more than once; only the first is used.
        public var duplicateArticles: [String] = []
    }

    /// Extracts and merges the articles of the given files.
    ///
    /// - Parameters:
    ///   - paths: article files (text, HTML, JSON Lines), `-` for standard input.
    ///   - threads: how many articles to work on at once (at least 1).
    ///   - progress: called after each file with (files done, files total, articles done so far),
    ///     from any thread.
    public func build(paths: [String], threads: Int, progress: (@Sendable (Int, Int, Int) -> Void)? = nil) -> Result {
        let workers = max(1, min(threads, paths.count))
        let slots = ResultSlots(count: paths.count, workers: workers)
        let next = Counter()
        let reader = self.reader
        let extractor = self.extractor
        // Each worker merges into a graph of its own; the workers' graphs merge at the end.
        // Merging is commutative, associative and idempotent, so which worker took which
        // file does not show in the result.
        let work: @Sendable (Int) -> Void = { worker in
            var graph = KnowledgeGraph()
            while let index = next.take(below: paths.count) {
                var partial = Result()
                var seen = Set<String>()
                do {
                    let batch = try reader.read(path: paths[index])
                    partial.errors = batch.errors
                    for article in batch.articles {
                        guard seen.insert(article.id).inserted else {
                            partial.duplicateArticles.append(article.id)
                            continue
                        }
                        let extraction = extractor.extract(article)
                        graph.merge(extraction.graph)
                        partial.articles += 1
                        partial.mentions += extraction.mentions.count
                        partial.relations += extraction.relations.count
                    }
                } catch let error as ArticleError {
                    partial.errors = [error]
                } catch {
                    partial.errors = [ArticleError(file: paths[index], message: "\(error)")]
                }
                slots.set(index, partial, ids: seen)
                let (files, articles) = next.finished(articles: partial.articles)
                progress?(files, paths.count, articles)
            }
            slots.setGraph(worker, graph)
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        return slots.combined()
    }

    /// Extracts and merges articles already in memory (JSON Lines from standard input, tests).
    public func build(articles: [Article], threads: Int) -> Result {
        let workers = max(1, min(threads, articles.count))
        let slots = ResultSlots(count: articles.count, workers: workers)
        let next = Counter()
        let extractor = self.extractor
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var graph = KnowledgeGraph()
            while let index = next.take(below: articles.count) {
                let extraction = extractor.extract(articles[index])
                graph.merge(extraction.graph)
                var partial = Result()
                partial.articles = 1
                partial.mentions = extraction.mentions.count
                partial.relations = extraction.relations.count
                slots.set(index, partial, ids: [articles[index].id])
            }
            slots.setGraph(worker, graph)
        }
        return slots.combined()
    }
}

/// Results by input position (and graphs by worker), filled from many threads.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [GraphBuilder.Result?]
    private var ids: [Set<String>]
    private var graphs: [KnowledgeGraph]

    init(count: Int, workers: Int) {
        results = Array(repeating: nil, count: count)
        ids = Array(repeating: [], count: count)
        graphs = Array(repeating: KnowledgeGraph(), count: max(1, workers))
    }

    func set(_ index: Int, _ result: GraphBuilder.Result, ids articleIDs: Set<String>) {
        lock.lock()
        results[index] = result
        ids[index] = articleIDs
        lock.unlock()
    }

    func setGraph(_ worker: Int, _ graph: KnowledgeGraph) {
        lock.lock()
        graphs[worker] = graph
        lock.unlock()
    }

    /// Counts and errors in input order; the graph does not depend on any order.
    func combined() -> GraphBuilder.Result {
        var total = GraphBuilder.Result()
        var seen = Set<String>()
        for (index, slot) in results.enumerated() {
            guard let result = slot else { continue }
            // An article given twice (two paths to one JSON Lines id) merges idempotently.
            let duplicates = ids[index].intersection(seen)
            total.duplicateArticles.append(contentsOf: result.duplicateArticles + duplicates.sorted())
            seen.formUnion(ids[index])
            total.articles += result.articles - duplicates.count
            total.mentions += result.mentions
            total.relations += result.relations
            total.errors.append(contentsOf: result.errors)
        }
        for graph in graphs { total.graph.merge(graph) }
        return total
    }
}

/// A shared work counter.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < limit else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    private var articles = 0

    /// Counts a finished file and its articles; returns the totals so far.
    func finished(articles count: Int) -> (files: Int, articles: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        articles += count
        return (done, articles)
    }
}
