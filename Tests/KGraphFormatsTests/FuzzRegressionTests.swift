import Foundation
import KGraph
import KGraphFormats
import KGraphXML
import Testing

/// Inputs the fuzzers found or were seeded with, replayed on every test run,
/// and the hostile sizes that libxml2's limits must refuse.
///
/// `Fixtures/fuzz-regressions/graphml` and `…/dot` are filled by
/// `Scripts/fuzz.sh` (crashes, timeouts, out-of-memory inputs); the DOT
/// inputs are also checked against real Graphviz, with `Fuzz/seeds/dot`.
@Suite("Fuzz regressions and hostile sizes", .timeLimit(.minutes(3)))
struct FuzzRegressionTests {
    static let regressions = Support.fixtures.appendingPathComponent("fuzz-regressions")

    /// The files of a folder, sorted, without hidden files; none when it does not exist.
    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    // MARK: Replaying the fuzzers' finds

    @Test("every kept GraphML input reads or fails with an error, and what is read writes back")
    func graphMLRegressions() throws {
        for file in Self.files(in: Self.regressions.appendingPathComponent("graphml")) {
            let data = try Data(contentsOf: file)
            let graph: KnowledgeGraph
            do {
                graph = try GraphMLReader().read(data, name: file.lastPathComponent)
            } catch {
                #expect(String(describing: error).hasPrefix(file.lastPathComponent), "\(error)")
                continue
            }
            // What the fuzz target does with a graph it read: DOT, GraphML, and back.
            _ = DOTWriter().string(for: graph)
            let back = try GraphMLReader().read(GraphMLWriter(indent: false).data(for: graph))
            #expect(back.entities.count == graph.entities.count, "\(file.lastPathComponent)")
            #expect(back.relations.count == graph.relations.count, "\(file.lastPathComponent)")
        }
    }

    @Test("every kept DOT input reads or fails with an error, and what is read round-trips through DOT")
    func dotReaderRegressions() throws {
        for file in Self.files(in: Self.regressions.appendingPathComponent("dotread")) {
            let graph: KnowledgeGraph
            do {
                graph = try DOTReader().read(try Data(contentsOf: file), name: file.lastPathComponent)
            } catch {
                #expect(String(describing: error).hasPrefix(file.lastPathComponent), "\(error)")
                continue
            }
            let back = try DOTReader().read(DOTWriter().string(for: graph))
            // Found by FuzzDOTReader: `graph{"c\u{1}"c}` has two nodes, but DOTWriter drops the
            // control character, so both are written as "c" and read back as one.
            #expect(back.entities.count == graph.entities.count, "\(file.lastPathComponent)")
            #expect(back.relations.count == graph.relations.count, "\(file.lastPathComponent)")
        }
    }

    /// The DOT inputs: the committed seeds and every kept regression.
    static var dotInputs: [URL] {
        files(in: Support.packageRoot.appendingPathComponent("Fuzz/seeds/dot"))
            + files(in: regressions.appendingPathComponent("dot"))
    }

    @Test("DOT written for every kept fuzz graph is read by Graphviz without a word on stderr")
    func dotParsesInGraphviz() throws {
        let dot = try Support.requireTool("dot")
        let inputs = Self.dotInputs
        try #require(!inputs.isEmpty, "no DOT fuzz inputs in Fuzz/seeds/dot")
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        for input in inputs {
            let decoded = FuzzGraph.decode([UInt8](try Data(contentsOf: input)))
            let path = folder.appendingPathComponent(input.lastPathComponent + ".dot").path
            try DOTWriter(graphName: decoded.name).write(decoded.graph, to: path)
            // -Tcanon parses and lays out but prints only DOT back; any warning is a failure.
            let output = try Support.run(dot, ["-Tcanon", "-o", "/dev/null", path])
            #expect(output.status == 0 && output.stderr.isEmpty,
                    "dot on \(input.lastPathComponent): status \(output.status), stderr \(output.stderr.prefix(500))")
        }
    }

    @Test("a mention count beyond Int32 is refused, not summed into an overflow")
    func hugeMentionCount() {
        // Found by FuzzGraphML: Entity.mentions summed Int.max + 2 and trapped in GraphMLWriter.
        let text = """
            <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="n_entity" for="node" attr.name="entity"/><key id="e_relation" for="edge" attr.name="relation"/>
            <key id="n_mentions_by_article" for="node" attr.name="mentions_by_article"/>
            <graph><node id="a"><data key="n_mentions_by_article">{"x":2,"y":9223372036854775807}</data></node>
            </graph></graphml>
            """
        #expect {
            try GraphMLReader().read(Data(text.utf8), name: "counts.graphml")
        } throws: { error in
            String(describing: error).contains("not a count from 0 to")
        }
    }

    // MARK: Hostile sizes and ids

    static let open = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        + "<key id=\"k\" for=\"node\" attr.name=\"note\"/><graph edgedefault=\"directed\">"
    static let close = "</graph></graphml>\n"

    /// Reads `text`, which must fail, within `seconds` and `megabytes` more resident memory
    /// than before; returns the error's description.
    func refusal(_ text: String, seconds: Double = 20, megabytes: Int = 512,
                 sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = Self.peakResidentMegabytes()
        let start = Date()
        defer {
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed < seconds, "took \(elapsed) s", sourceLocation: sourceLocation)
            let growth = Self.peakResidentMegabytes() - before
            #expect(growth < megabytes, "peak memory grew by \(growth) MB", sourceLocation: sourceLocation)
        }
        do {
            let graph = try GraphMLReader().read(Data(text.utf8), name: "hostile.graphml")
            Issue.record("read \(graph.entities.count) nodes instead of failing", sourceLocation: sourceLocation)
            return ""
        } catch {
            let description = String(describing: error)
            #expect(description.firstMatch(of: /^hostile\.graphml:\d+:\d+: ./) != nil,
                    "no line:column in \"\(description.prefix(300))\"", sourceLocation: sourceLocation)
            return description
        }
    }

    /// The process's peak resident set so far, in MB (Linux reports kilobytes).
    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss / 1024
    }

    @Test("a gigabyte value announced by one small entity is refused before any expansion")
    func entityAnnouncedGigabyte() {
        // 1 KB entity, referenced a million times through two levels: 1 GB of text from a 30 KB file.
        let kilobyte = String(repeating: "x", count: 1024)
        let thousand = String(repeating: "&kb;", count: 1000)
        let doctype = "<!DOCTYPE graphml [<!ENTITY kb \"\(kilobyte)\"><!ENTITY mb \"\(thousand)\">]>\n"
        let text = Self.open.replacingOccurrences(of: "?>\n", with: "?>\n" + doctype)
            + "<node id=\"a\" label=\"" + String(repeating: "&mb;", count: 1000) + "\"/>" + Self.close
        let message = refusal(text, seconds: 5, megabytes: 64)
        #expect(message.contains("DOCTYPE") || message.contains("entity"), "\(message.prefix(300))")
    }

    @Test("an attribute value past libxml2's 10 MB limit is refused (no XML_PARSE_HUGE)")
    func hugeAttribute() {
        let value = String(repeating: "a", count: 11_000_000)
        let message = refusal(Self.open + "<node id=\"" + value + "\"/>" + Self.close)
        #expect(message.lowercased().contains("too long") || message.lowercased().contains("huge"),
                "\(message.prefix(300))")
    }

    @Test("a text node past libxml2's 10 MB limit is refused (no XML_PARSE_HUGE)")
    func hugeTextNode() {
        let value = String(repeating: "b", count: 11_000_000)
        let message = refusal(Self.open + "<node id=\"a\"><data key=\"k\">" + value + "</data></node>" + Self.close)
        #expect(message.lowercased().contains("huge") || message.lowercased().contains("too long"),
                "\(message.prefix(300))")
    }

    @Test("an element name past libxml2's name limit is refused")
    func hugeName() {
        let name = String(repeating: "n", count: 60_000)
        _ = refusal(Self.open + "<\(name)/>" + Self.close, megabytes: 128)
    }

    @Test("text split into many pieces under the limit is read in linear time")
    func manySmallTextNodes() throws {
        // 200,000 CDATA sections in one <data>: 2.6 MB of file, each piece appended once.
        let value = String(repeating: "<![CDATA[abcdefgh]]>", count: 200_000)
        let text = Self.open + "<node id=\"a\"><data key=\"k\">" + value + "</data></node>" + Self.close
        let start = Date()
        let graph = try GraphMLReader().read(Data(text.utf8), name: "pieces.graphml")
        #expect(graph[EntityID(rawValue: "a")]?.attributes["note"]?.count == 1_600_000)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("a key declared twice, data of an undeclared key, a dangling source and a repeated entity are refused")
    func duplicateAndDanglingIDs() {
        let twice = refusal(Self.open.replacingOccurrences(of: "<graph ", with: "<key id=\"k\" for=\"edge\"/><graph ")
            + Self.close)
        #expect(twice.contains("declared twice"))
        let undeclared = refusal(Self.open + "<node id=\"a\"><data key=\"nope\">x</data></node>" + Self.close)
        #expect(undeclared.contains("undeclared key"))
        let dangling = refusal(Self.open + "<node id=\"a\"/><edge source=\"ghost\" target=\"a\"/>" + Self.close)
        #expect(dangling.contains("source \"ghost\""))
        let kgraphKeys = "<key id=\"n_entity\" for=\"node\" attr.name=\"entity\"/>"
            + "<key id=\"e_relation\" for=\"edge\" attr.name=\"relation\"/>"
        let repeated = refusal(Self.open.replacingOccurrences(of: "<graph ", with: kgraphKeys + "<graph ")
            + "<node id=\"a\"><data key=\"n_entity\">country:x</data></node>"
            + "<node id=\"b\"><data key=\"n_entity\">country:x</data></node>" + Self.close)
        #expect(repeated.contains("repeats entity"))
    }
}

// BEGIN FuzzGraph — kept identical in Tests/KGraphFormatsTests/FuzzRegressionTests.swift
// (Scripts/fuzz.sh refuses to run when the two copies differ).
/// Decodes a graph from fuzz bytes, so that every input is some graph.
///
/// The input is split at NUL bytes into fields. A field's first byte is an
/// operation (low 3 bits) and a parameter (the rest); the remaining bytes,
/// as lossy UTF-8, are its text: names with quotes, backslashes, line breaks,
/// control characters and any Unicode come straight from the input.
enum FuzzGraph {
    struct Decoded {
        var graph: KnowledgeGraph
        var name: String
    }

    static func decode(_ input: [UInt8]) -> Decoded {
        var entities: [Entity] = []
        var relations: [Relation] = []
        var name = "kgraph"
        for field in input.split(separator: 0, omittingEmptySubsequences: true) {
            let operation = field[field.startIndex]
            let parameter = Int(operation >> 3)
            let rest = field.dropFirst()
            let text = String(decoding: rest, as: UTF8.self)
            let kind = EntityKind.allCases[parameter % EntityKind.allCases.count]
            switch operation & 7 {
            case 0:  // an entity whose id is made from its name
                entities.append(Entity(name: text, kind: kind))
            case 1:  // an entity whose id is the text itself, as foreign GraphML gives
                entities.append(Entity(id: EntityID(rawValue: text), name: text, kind: kind))
            case 2:  // an edge: two bytes pick its ends, the rest is its type
                guard !entities.isEmpty, rest.count >= 2 else { continue }
                let source = entities[Int(rest[rest.startIndex]) % entities.count].id
                let target = entities[Int(rest[rest.startIndex + 1]) % entities.count].id
                let type = RelationType(rawValue: String(decoding: rest.dropFirst(2), as: UTF8.self))
                relations.append(Relation(key: RelationKey(
                    source: source, type: type, target: target, tag: String(relations.count))))
            case 3:  // an alias of the last entity
                guard !entities.isEmpty else { continue }
                entities[entities.count - 1].aliases.insert(text)
            case 4:  // a huge name for the last entity: its text repeated to up to 1 MiB
                guard !entities.isEmpty, !rest.isEmpty else { continue }
                let bytes = min(1 << 20, (parameter + 1) * 32 * 1024)
                entities[entities.count - 1].name = String(repeating: text, count: bytes / rest.count + 1)
            case 5:  // a mention of the last edge; the parameter's bits make it hedged or negated
                guard !relations.isEmpty else { continue }
                relations[relations.count - 1].mentions.insert(RelationMention(
                    article: text, date: nil, start: parameter, end: parameter + 1,
                    hedged: parameter & 1 != 0, negated: parameter & 2 != 0))
            case 6:  // an attribute `key=value` of the last entity
                guard !entities.isEmpty else { continue }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                entities[entities.count - 1].attributes[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            default:  // the graph's name
                name = text
            }
        }
        var graph = KnowledgeGraph()
        for entity in entities { graph.add(entity) }
        for relation in relations { graph.add(relation) }
        return Decoded(graph: graph, name: name)
    }
}
// END FuzzGraph
