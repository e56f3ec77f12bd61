import Foundation
import KGraph
import KGraphFormats
import Testing
@testable import KGraphExtract

/// build(A ∪ B) == merge(build(A), build(B)), byte for byte, on real articles.
@Suite("Building and merging graphs")
struct BuildAndMergeTests {
    static let builder = GraphBuilder(extractor: try! Extractor.standard())

    /// Forty BBC politics articles, or nil (skipping) when ../shared is absent.
    func articles() throws -> [String] {
        guard let bbc = ArticleFixtures.bbc else { try Test.cancel("../shared/corpus/bbc is absent; skipping") }
        let folder = bbc.appendingPathComponent("politics")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return names.prefix(40).map { folder.appendingPathComponent($0).path }
    }

    func bytes(_ graph: KnowledgeGraph) throws -> Data {
        try GraphMLWriter().data(for: graph)
    }

    /// What `kgraph merge` does: read each file, merge.
    func merged(_ files: [Data]) throws -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        for data in files { graph.merge(try GraphMLReader().read(data)) }
        return graph
    }

    @Test func mergeOfPartsEqualsBuildOfWhole() throws {
        let paths = try articles()
        let setA = Array(paths[0..<25]), setB = Array(paths[15..<40])  // overlapping on purpose
        let whole = try bytes(Self.builder.build(paths: Array(Set(setA + setB)).sorted(), threads: 2).graph)
        let partA = try bytes(Self.builder.build(paths: setA, threads: 2).graph)
        let partB = try bytes(Self.builder.build(paths: setB, threads: 2).graph)
        #expect(try bytes(merged([partA, partB])) == whole)
        #expect(try bytes(merged([partB, partA])) == whole, "merge order matters")
    }

    @Test func mergeIsAssociativeAndIdempotent() throws {
        let paths = try articles()
        let parts = try [paths[0..<10], paths[10..<20], paths[20..<30]].map {
            try bytes(Self.builder.build(paths: Array($0), threads: 1).graph)
        }
        let left = try bytes(merged([try bytes(merged([parts[0], parts[1]])), parts[2]]))
        let right = try bytes(merged([parts[0], try bytes(merged([parts[1], parts[2]]))]))
        #expect(left == right)
        // Merging a graph with itself changes nothing, counted evidence included.
        #expect(try bytes(merged([parts[0], parts[0]])) == parts[0])
        let withItself = try merged([left, left])
        let once = try merged([left])
        #expect(withItself == once)
        #expect(withItself.relations.values.map(\.weight).reduce(0, +) == once.relations.values.map(\.weight).reduce(0, +))
    }

    @Test func inputOrderAndThreadsDoNotChangeTheBytes() throws {
        let paths = try articles()
        let reference = try bytes(Self.builder.build(paths: paths, threads: 1).graph)
        var generator = SeededGenerator(seed: 7)
        for threads in [2, 4] {
            let shuffled = paths.shuffled(using: &generator)
            #expect(try bytes(Self.builder.build(paths: shuffled, threads: threads).graph) == reference)
        }
    }

    @Test func cappedEvidenceKeepsCountsExact() throws {
        let paths = try articles()
        let graph = Self.builder.build(paths: paths, threads: 2).graph
        let capped = try GraphMLReader().read(try GraphMLWriter(maxEvidence: 1).data(for: graph))
        for (key, relation) in graph.relations {
            let read = try #require(capped[key])
            #expect(read.weight == relation.weight)
            #expect(read.articleCount == relation.articleCount)
            #expect(read.evidence.count == min(1, relation.evidence.count))
        }
        // Capping commutes with merging.
        let doubled = try merged([try GraphMLWriter(maxEvidence: 1).data(for: graph), try GraphMLWriter(maxEvidence: 1).data(for: graph)])
        #expect(try GraphMLWriter(maxEvidence: 1).data(for: doubled) == GraphMLWriter(maxEvidence: 1).data(for: graph))
    }

    @Test func badArticlesAreSkippedAndNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try "Russia supplied missiles to North Korea.\n".write(to: good, atomically: true, encoding: .utf8)
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0, 1, 2, 0, 0xFF, 0xFE, 0]).write(to: binary)
        let result = Self.builder.build(paths: [good.path, empty.path, binary.path, folder.appendingPathComponent("missing.txt").path], threads: 2)
        #expect(result.articles == 1)
        #expect(result.errors.count == 3)
        #expect(result.graph.relations.values.contains { $0.type == .supplies })
        for error in result.errors { #expect(!error.description.contains("\n")) }
    }
}

/// A small deterministic generator for shuffles in tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
