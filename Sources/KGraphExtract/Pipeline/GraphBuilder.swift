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
    ///   - progress: called after each file with (files done, files total), from any thread.
    public func build(paths: [String], threads: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        let workers = max(1, threads)
        let slots = ResultSlots(count: paths.count)
        let next = Counter()
        let reader = self.reader
        let extractor = self.extractor
        let work: @Sendable (Int) -> Void = { _ in
            while let index = next.take(below: paths.count) {
                var partial = Result()
                do {
                    let batch = try reader.read(path: paths[index])
                    partial.errors = batch.errors
                    var seen = Set<String>()
                    for article in batch.articles {
                        guard seen.insert(article.id).inserted else {
                            partial.duplicateArticles.append(article.id)
                            continue
                        }
                        let extraction = extractor.extract(article)
                        partial.graph.merge(extraction.graph)
                        partial.articles += 1
                        partial.mentions += extraction.mentions.count
                        partial.relations += extraction.relations.count
                    }
                    slots.set(index, partial, ids: seen)
                } catch let error as ArticleError {
                    partial.errors = [error]
                    slots.set(index, partial, ids: [])
                } catch {
                    partial.errors = [ArticleError(file: paths[index], message: "\(error)")]
                    slots.set(index, partial, ids: [])
                }
                progress?(next.finished(), paths.count)
            }
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
        let slots = ResultSlots(count: articles.count)
        let next = Counter()
        let extractor = self.extractor
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { _ in
            while let index = next.take(below: articles.count) {
                let extraction = extractor.extract(articles[index])
                var partial = Result()
                partial.graph = extraction.graph
                partial.articles = 1
                partial.mentions = extraction.mentions.count
                partial.relations = extraction.relations.count
                slots.set(index, partial, ids: [articles[index].id])
            }
        }
        return slots.combined()
    }
}

/// Results by input position, filled from many threads.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [GraphBuilder.Result?]
    private var ids: [Set<String>]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
        ids = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ result: GraphBuilder.Result, ids articleIDs: Set<String>) {
        lock.lock()
        results[index] = result
        ids[index] = articleIDs
        lock.unlock()
    }

    /// Merges in input order; the graph does not depend on it, the error list does.
    func combined() -> GraphBuilder.Result {
        var total = GraphBuilder.Result()
        var seen = Set<String>()
        for (index, slot) in results.enumerated() {
            guard let result = slot else { continue }
            let duplicates = ids[index].intersection(seen)
            total.duplicateArticles.append(contentsOf: result.duplicateArticles + duplicates.sorted())
            seen.formUnion(ids[index])
            // An article given twice (two paths to one JSON Lines id) merges idempotently.
            total.graph.merge(result.graph)
            total.articles += result.articles - duplicates.count
            total.mentions += result.mentions
            total.relations += result.relations
            total.errors.append(contentsOf: result.errors)
        }
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

    func finished() -> Int {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        return done
    }
}
