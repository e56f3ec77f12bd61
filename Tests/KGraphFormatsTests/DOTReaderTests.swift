import Foundation
import KGraph
import KGraphFormats
import Testing

@Suite("DOT write → read")
struct DOTRoundTripTests {
    @Test("the sample graph reads back equal, evidence and mentions included")
    func sampleRoundTrip() throws {
        let graph = Support.sampleGraph()
        let read = try DOTReader().read(DOTWriter().string(for: graph), name: "sample.dot")
        #expect(read == graph)
        let key = RelationKey(source: EntityID(name: "North Korea", kind: .country), type: .supplies,
                              target: EntityID(name: "Russia", kind: .country))
        #expect(read[key]?.evidence.count == 2)
        #expect(read[key]?.sortedEvidence.contains { $0.claimant == "Seoul" && $0.hedged } == true)
    }

    @Test("quotes, backslashes, line breaks, Cyrillic, Korean, emoji and DOT keywords read back equal")
    func trickyRoundTrip() throws {
        let graph = Support.trickyGraph()
        let read = try DOTReader().read(DOTWriter().string(for: graph))
        #expect(read.entities.count == graph.entities.count)
        #expect(read.relations.count == graph.relations.count)
        for entity in graph.sortedEntities {
            #expect(read[entity.id] == entity)
        }
        for relation in graph.sortedRelations {
            #expect(read[relation.key] == relation)
        }
        #expect(read == graph)
    }

    @Test("entities whose ids are DOT keywords or empty read back equal")
    func keywordIDs() throws {
        let names = ["node", "edge", "strict", "graph", "digraph", "subgraph", "NODE", "Graph", "", "->", "--", "{", "]"]
        let entities = names.map { Entity(id: EntityID(rawValue: $0), name: $0, kind: .group) }
        var relations: [Relation] = []
        for (source, target) in zip(entities, entities.dropFirst()) {
            relations.append(Relation(
                key: RelationKey(source: source.id, type: .supports, target: target.id),
                mentions: [RelationMention(article: "k", date: nil, start: 1, end: 2, hedged: false, negated: false)]))
        }
        let graph = KnowledgeGraph(entities: entities, relations: relations)
        #expect(try DOTReader().read(DOTWriter().string(for: graph)) == graph)
    }

    @Test("values longer than 16 KiB, split with +, read back whole")
    func longValues() throws {
        let long = String(repeating: "Россия \"и\" 북한\\🚀\n", count: 3_000)
        let entity = Entity(id: EntityID(rawValue: long), name: long, kind: .person, aliases: [long + "x"],
                            attributes: [long: long])
        let graph = KnowledgeGraph(
            entities: [entity],
            relations: [Relation(key: RelationKey(source: entity.id, type: RelationType(rawValue: long), target: entity.id),
                                 mentions: [RelationMention(article: long, date: nil, start: 0, end: 1, hedged: true,
                                                            negated: false)])])
        let text = DOTWriter().string(for: graph)
        #expect(text.contains("\" + \""))
        #expect(try DOTReader().read(text) == graph)
    }

    @Test("GraphML → DOT → GraphML gives the original GraphML bytes", arguments: [
        "sample", "tricky", "networkx_multidigraph.graphml", "networkx_undirected.graphml", "igraph_directed.graphml",
        "yed.graphml",
    ])
    func graphMLBytesSurvive(_ source: String) throws {
        let graph: KnowledgeGraph
        switch source {
        case "sample": graph = Support.sampleGraph()
        case "tricky": graph = try GraphMLReader().read(try GraphMLWriter().data(for: Support.trickyGraph()))
        default: graph = try GraphMLReader().read(from: Support.fixture(source))
        }
        let original = try GraphMLWriter().data(for: graph)
        let throughDOT = try DOTReader().read(DOTWriter().string(for: graph))
        #expect(try GraphMLWriter().data(for: throughDOT) == original)
    }

    @Test("a DOT file written to disk reads back equal, and writing is byte-deterministic")
    func fileRoundTrip() throws {
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let path = folder.appendingPathComponent("sample.dot").path
        let graph = Support.trickyGraph()
        try DOTWriter.write(graph, to: path)
        #expect(try DOTReader.read(from: path) == graph)
        let reversed = KnowledgeGraph(entities: graph.sortedEntities.reversed(),
                                      relations: graph.sortedRelations.reversed())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == DOTWriter().string(for: reversed))
    }

    @Test("evidence capped in DOT keeps every mention")
    func cappedEvidence() throws {
        let graph = Support.sampleGraph()
        let read = try DOTReader().read(DOTWriter(maxEvidence: 1).string(for: graph))
        for relation in graph.sortedRelations {
            let copy = try #require(read[relation.key])
            #expect(copy.mentions == relation.mentions)
            #expect(copy.evidence == relation.cappingEvidence(1).evidence)
        }
    }

    @Test("Graphviz lays out the file with kgraph's data without a word on stderr")
    func graphvizIsSilent() throws {
        let dot = try Support.requireTool("dot")
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        for (name, graph) in [("sample", Support.sampleGraph()), ("tricky", Support.trickyGraph())] {
            let path = folder.appendingPathComponent("\(name).dot").path
            try DOTWriter.write(graph, to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("kg_mentions=") && text.contains("kg_id="))
            let layout = try Support.run(dot, ["-Tsvg", path, "-o", folder.appendingPathComponent("\(name).svg").path])
            #expect(layout.status == 0)
            #expect(layout.stderr == "")
            // Graphviz's own DOT output keeps the data, and it still reads back equal.
            let canon = try Support.run(dot, ["-Tcanon", path])
            #expect(canon.status == 0)
            #expect(try DOTReader().read(canon.stdout, name: "canon.dot") == graph)
        }
    }
}

@Suite("DOT from other tools")
struct DOTForeignTests {
    func read(_ text: String) throws -> KnowledgeGraph { try DOTReader().read(text, name: "test.dot") }

    func edges(_ graph: KnowledgeGraph) -> [String] {
        graph.sortedRelations.map { "\($0.source)-\($0.type)-\($0.target)" }.sorted()
    }

    @Test("nodes, labels, chains and parallel edges")
    func chains() throws {
        let graph = try read("""
            digraph G {
              a [label="Alpha", shape=box];
              a -> b -> c [label=supplies, color=red];
              a -> b;
              a -> b;
              d;
            }
            """)
        #expect(graph.entities.count == 4)
        #expect(graph[EntityID(rawValue: "a")]?.name == "Alpha")
        #expect(graph[EntityID(rawValue: "a")]?.attributes == ["shape": "box"])
        #expect(graph[EntityID(rawValue: "b")]?.name == "b")
        #expect(graph[EntityID(rawValue: "d")]?.kind == .other)
        #expect(edges(graph) == ["a-related-b", "a-related-b", "a-supplies-b", "b-supplies-c"])
        #expect(graph.relations.keys.map(\.tag).sorted() == ["e0", "e1", "e2", "e3"])
        let first = try #require(graph[RelationKey(source: EntityID(rawValue: "a"), type: .supplies, target: EntityID(rawValue: "b"), tag: "e0")])
        #expect(first.attributes == ["color": "red"])
    }

    @Test("subgraphs as edge ends, nested subgraphs, clusters and anonymous blocks")
    func subgraphEnds() throws {
        let graph = try read("""
            digraph {
              subgraph cluster_x { label="X"; x1; x2; subgraph inner { x3 } }
              {y1 y2} -> z;
              a -> subgraph s { b c } -> { d };
              cluster_x_ref -> x1
            }
            """)
        #expect(edges(graph) == [
            "a-related-b", "a-related-c", "b-related-d", "c-related-d", "cluster_x_ref-related-x1",
            "y1-related-z", "y2-related-z",
        ])
        #expect(graph.entities.count == 11)
    }

    @Test("node and edge defaults apply to what follows, within their subgraph")
    func defaults() throws {
        let graph = try read("""
            digraph {
              node [color=red, kind=person];
              edge [label=meets];
              a;
              subgraph s { node [color=blue]; edge [label=visits, weight=2]; b; a -> b; }
              c -> a;
              node [color=green];
              d;
              a [color=black];
            }
            """)
        #expect(graph[EntityID(rawValue: "a")]?.attributes == ["color": "black"])
        #expect(graph[EntityID(rawValue: "a")]?.kind == .person)
        #expect(graph[EntityID(rawValue: "b")]?.attributes == ["color": "blue"])
        #expect(graph[EntityID(rawValue: "c")]?.attributes == ["color": "red"])
        #expect(graph[EntityID(rawValue: "d")]?.attributes == ["color": "green"])
        // meets is symmetric, so c -> a is stored a -> c.
        #expect(edges(graph) == ["a-meets-c", "a-visits-b"])
        #expect(graph.relations.values.first { $0.type == .visits }?.attributes == ["weight": "2"])
    }

    @Test("comments, # lines, keywords in any case, semicolons and commas are optional")
    func lexicalDetails() throws {
        let graph = try read("""
            # 1 "generated.dot"
            /* a block
               comment */ STRICT DiGraph "my graph" { // line comment
              Node [shape=box] Edge [color=grey]
              a -> b [label="x" weight=1; style=dashed]
              a -> b [label="y"]
              # not at the start of a line is an error, so this one is a comment
              rankdir=LR; graph [splines=true]
            }
            """)
        // strict: one edge per pair, later attributes win.
        #expect(edges(graph) == ["a-y-b"])
        #expect(graph.relations.values.first?.attributes == ["color": "grey", "weight": "1", "style": "dashed"])
    }

    @Test("quoted strings: escapes, + joins and line continuations; numerals and HTML strings")
    func strings() throws {
        let graph = try read("""
            graph {
              "say \\"hi\\"" [label="line one\\nline two\\lleft \\\\ back"];
              "joined" [label="first " + "second" +
                "third"];
              "cont" [label="a long \\
            line"];
              -1.5 -- .5 -- 42;
              h [label=<<b>bold</b> &amp; <i>it</i>>];
              "Россия" -- "북한" -- "🚀";
              Россия -- 北京;
            }
            """)
        #expect(graph[EntityID(rawValue: "say \"hi\"")]?.name == "line one\nline two\\lleft \\ back")
        #expect(graph[EntityID(rawValue: "joined")]?.name == "first secondthird")
        #expect(graph[EntityID(rawValue: "cont")]?.name == "a long line")
        #expect(graph[EntityID(rawValue: "h")]?.name == "<b>bold</b> &amp; <i>it</i>")
        for id in ["-1.5", ".5", "42", "Россия", "북한", "🚀", "北京"] {
            #expect(graph[EntityID(rawValue: id)] != nil, "missing \(id)")
        }
        #expect(edges(graph).contains("Россия-related-北京"))
        #expect(graph.relations.count == 5)
    }

    @Test("ports are ignored, and the legend cluster is skipped")
    func portsAndLegend() throws {
        let graph = try read("""
            digraph {
              subgraph "cluster_legend" { "legend:person" [label="person"]; l1 -> l2 }
              a:p1:ne -> b:s [label=funds];
              c:w -> a
            }
            """)
        #expect(graph.entities.keys.map(\.rawValue).sorted() == ["a", "b", "c"])
        #expect(edges(graph) == ["a-funds-b", "c-related-a"])
    }

    @Test("Graphviz's output for a plain graph reads")
    func graphvizOutput() throws {
        let dot = try Support.requireTool("dot")
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let path = folder.appendingPathComponent("plain.gv").path
        try "digraph { a -> {b c}; c -> a [label=\"attacks\"] }".write(toFile: path, atomically: true, encoding: .utf8)
        let laidOut = try Support.run(dot, ["-Tdot", path])
        #expect(laidOut.status == 0)
        let graph = try read(laidOut.stdout)
        #expect(edges(graph) == ["a-related-b", "a-related-c", "c-attacks-a"])
        #expect(graph[EntityID(rawValue: "a")]?.attributes["pos"] != nil)
    }
}

@Suite("DOT errors")
struct DOTErrorTests {
    func failure(_ text: String, reader: DOTReader = DOTReader()) -> String? {
        do {
            _ = try reader.read(text, name: "bad.dot")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("malformed DOT gives file:line:column and what was wrong", arguments: [
        ("", "bad.dot:1:1: the file is empty; expected 'graph' or 'digraph'"),
        ("<graphml/>", "bad.dot:1:1: expected 'graph' or 'digraph', found an HTML string; this is not a DOT file"),
        ("digraph {\n  a -> b [color]\n}", "bad.dot:2:16: expected '=' after the attribute name \"color\", found ']'"),
        ("digraph {\n  a -- b\n}", "bad.dot:2:5: '--' in a digraph; use '->'"),
        ("graph {\n  a -> b\n}", "bad.dot:2:5: '->' in an undirected graph; use '--'"),
        ("digraph {\n  a -> b;\n", "bad.dot:1:9: the file ends before the '{' here is closed"),
        ("digraph {\n  \"Россия\" -> @\n}", "bad.dot:2:15: unexpected character '@'; quote names that hold it"),
        ("digraph {\n  a [label=\"open\n}\n", "bad.dot:2:12: a quoted string is never closed"),
        ("digraph {\n  a [label=<<b>x</b>]\n}", "bad.dot:2:12: an HTML string <...> is never closed with '>'"),
        ("digraph {\n  /* open\n}", "bad.dot:2:3: a /* comment is never closed with */"),
        ("digraph {\n  a [label=\"x\" + y]\n}", "bad.dot:2:16: '+' must be followed by a quoted string"),
        ("digraph {\n  node -> b\n}", "bad.dot:2:8: expected '[' after 'node', found '->'"),
        ("digraph {\n  a -> }\n", "bad.dot:2:8: expected a node or a subgraph after the edge, found '}'"),
        ("digraph { a }\ndigraph { b }", "bad.dot:2:1: the keyword 'digraph' after the graph's closing '}'; kgraph reads one graph per file"),
        ("digraph {\n a\n  # mid-line\n x # y }", "bad.dot:4:4: unexpected character '#'; quote names that hold it"),
    ])
    func malformed(_ text: String, _ expected: String) {
        #expect(failure(text) == expected)
    }

    @Test("kgraph data that does not decode is reported where the node is")
    func badData() {
        let message = failure("digraph {\n  x;\n  \"n\" [kg_id=\"n\", kg_kind=\"person\", kg_aliases=\"[1]\"]\n}")
        #expect(message == "bad.dot:3:3: kg_aliases holds a non-string")
        let kind = failure("digraph {\n  \"n\" [kg_id=\"n\", kg_kind=\"robot\"]\n}")
        #expect(kind == "bad.dot:2:3: kg_kind \"robot\" is not a kind")
        let mentions = failure("digraph {\n a -> b [kg_relation=x, kg_mentions=\"[[1]]\"]\n}")
        #expect(mentions == "bad.dot:2:2: a mention in kg_mentions is not [article, date or null, start, end, flags]")
        let repeated = failure("digraph {\n a [kg_id=\"b\"]\n b\n}")
        #expect(repeated == "bad.dot:3:2: node \"b\" repeats entity \"b\"")
    }

    @Test("deep nesting is refused, not recursed into")
    func deepNesting() {
        let deep = "digraph { " + String(repeating: "{ ", count: 100_000) + "a" + String(repeating: " }", count: 100_000) + " }"
        #expect(failure(deep) == "bad.dot:1:211: subgraphs nest more than 100 deep")
        let allowed = "digraph { " + String(repeating: "{ ", count: 50) + "a" + String(repeating: " }", count: 50) + " }"
        #expect(failure(allowed) == nil)
    }

    @Test("edges between large subgraphs are capped")
    func edgeCap() {
        let text = "digraph { {a b c} -> {d e f} }"
        #expect(failure(text, reader: DOTReader(maxEdges: 8)) == "bad.dot:1:11: the file makes more than 8 edges")
        #expect(failure(text, reader: DOTReader(maxEdges: 9)) == nil)
    }

    @Test("a missing file says so")
    func missingFile() {
        #expect(throws: DOTError.self) { try DOTReader.read(from: "/nonexistent/graph.dot") }
    }
}
