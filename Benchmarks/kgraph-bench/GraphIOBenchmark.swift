import Foundation
import KGraph
import KGraphFormats

/// Writes and reads a synthetic graph as GraphML, timing each step and
/// reporting the process's peak resident memory.
///
/// Writing and reading run in separate child processes (`graphio-write`,
/// `graphio-read`) so that each peak is its own: the writer's includes the
/// generated graph it writes, the reader's the graph it builds. `graphio`
/// runs both, then `Benchmarks/igraph_graphml.py` on a graph of the same
/// shape when python3 has igraph, so the figures can be compared from one run.
enum GraphIOBenchmark {
    static let defaultNodes = 100_000
    static let defaultEdges = 500_000

    static func runAll(arguments: [String]) throws {
        let nodes = arguments.count > 0 ? Int(arguments[0]) ?? defaultNodes : defaultNodes
        let edges = arguments.count > 1 ? Int(arguments[1]) ?? defaultEdges : defaultEdges
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.graphml").path
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]

        say("graphio: \(nodes) nodes, \(edges) edges, string attributes")
        try runChild(me, ["graphio-write", file, String(nodes), String(edges)])
        try runChild(me, ["graphio-read", file])

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("igraph_graphml.py").path
        if FileManager.default.fileExists(atPath: script) {
            let igraphFile = folder.appendingPathComponent("igraph.graphml").path
            say("igraph, same shape (\(script)):")
            try runChild("/usr/bin/env", ["python3", script, "write", igraphFile, String(nodes), String(edges)])
            try runChild("/usr/bin/env", ["python3", script, "read", igraphFile])
            say("igraph reading kgraph's file:")
            try runChild("/usr/bin/env", ["python3", script, "read", file])
        }
    }

    static func runWrite(arguments: [String]) throws {
        guard let file = arguments.first else { throw BenchmarkError("graphio-write needs a FILE") }
        let nodes = arguments.count > 1 ? Int(arguments[1]) ?? defaultNodes : defaultNodes
        let edges = arguments.count > 2 ? Int(arguments[2]) ?? defaultEdges : defaultEdges
        var clock = ContinuousClock.now
        let graph = makeGraph(nodes: nodes, edges: edges)
        let generated = seconds(since: clock)
        clock = .now
        try GraphMLWriter(maxEvidence: 5).write(graph, to: file)
        let written = seconds(since: clock)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        say(String(format: "  kgraph write: %.2f s (%d MB file; generating the graph took %.2f s), peak RSS %@",
                     written, size >> 20, generated, peakMemory()))
    }

    static func runRead(arguments: [String]) throws {
        guard let file = arguments.first else { throw BenchmarkError("graphio-read needs a FILE") }
        let clock = ContinuousClock.now
        let graph = try GraphMLReader().read(from: file)
        let read = seconds(since: clock)
        say(String(format: "  kgraph read:  %.2f s (%d nodes, %d edges), peak RSS %@",
                     read, graph.entities.count, graph.relations.count, peakMemory()))
    }

    // MARK: The graph

    /// A deterministic graph: the same arguments give the same graph on every run.
    ///
    /// Entities have a name, kind, alias, two string attributes and mention counts;
    /// each relation has one mention, a string attribute, and every tenth one an
    /// evidence sentence.
    static func makeGraph(nodes: Int, edges: Int) -> KnowledgeGraph {
        var random = SplitMix64(seed: 42)
        let kinds = EntityKind.allCases
        let words = ["north", "south", "east", "west", "river", "union", "party", "bank", "port", "council"]
        var entities: [Entity] = []
        entities.reserveCapacity(nodes)
        for index in 0..<nodes {
            let word = words[Int(random.next() % UInt64(words.count))]
            let name = "Entity \(index) \(word)"
            entities.append(Entity(
                id: EntityID(rawValue: "e\(index)"), name: name, kind: kinds[index % kinds.count],
                aliases: index.isMultiple(of: 4) ? ["\(word) \(index)"] : [],
                attributes: ["country": "C\(random.next() % 200)", "note": "synthetic \(word) entity"],
                mentionsByArticle: ["a\(random.next() % 50_000)": Int(random.next() % 5) + 1]))
        }
        var graph = KnowledgeGraph(entities: entities)
        let types = RelationType.builtIn
        var attempt = 0
        while graph.relations.count < edges {
            attempt += 1
            let source = entities[Int(random.next() % UInt64(nodes))].id
            let target = entities[Int(random.next() % UInt64(nodes))].id
            let type = types[Int(random.next() % UInt64(types.count))]
            let article = "a\(random.next() % 50_000)"
            let date = String(format: "2024-%02d-%02d", Int(random.next() % 12) + 1, Int(random.next() % 28) + 1)
            let start = Int(random.next() % 5000)
            let hedged = random.next() % 7 == 0
            let key = RelationKey(source: source, type: type, target: target)
            var evidence: Set<Evidence> = []
            if attempt.isMultiple(of: 10) {
                evidence.insert(Evidence(
                    article: article, date: date, sentence: "\(source) \(type) \(target), officials said.",
                    sentenceStart: start, sentenceEnd: start + 40, trigger: type.rawValue, triggerStart: start + 5,
                    triggerEnd: start + 12, pattern: "synthetic", hedged: hedged))
            }
            let mention = RelationMention(article: article, date: date, start: start + 5, end: start + 12,
                                          hedged: hedged, negated: false)
            graph.add(Relation(key: key, mentions: [mention], evidence: evidence,
                               attributes: ["channel": "wire \(random.next() % 100)"]))
        }
        return graph
    }

    // MARK: Helpers

    /// Prints a line at once: the children share the terminal, and `print` would buffer it.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The process's peak resident set size (`VmHWM` in `/proc/self/status`).
    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return "unknown" }
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return "\(kilobytes / 1024) MB"
    }

    static func runChild(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("\(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}

/// Steele, Lea and Flood's SplitMix64: small, fast, and the same sequence everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
