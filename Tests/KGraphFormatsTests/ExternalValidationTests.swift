import Foundation
import KGraph
import KGraphFormats
import Testing

/// The files, checked by the consumers people use: xmllint with the GraphML
/// schema, networkx, igraph and Graphviz, through `../shared/tools/validate-exports.sh`.
@Suite("Exports checked by real consumers")
struct ExternalValidationTests {
    /// Writes `graph` as `NAME.graphml` and `NAME.dot` in `folder`.
    func export(_ graph: KnowledgeGraph, named name: String, in folder: URL) throws -> (String, String) {
        let graphml = folder.appendingPathComponent("\(name).graphml").path
        let dot = folder.appendingPathComponent("\(name).dot").path
        try GraphMLWriter.write(graph, to: graphml, maxEvidence: 5)
        try DOTWriter.write(graph, to: dot)
        return (graphml, dot)
    }

    func requireValidator() throws -> String {
        let script = Support.shared.appendingPathComponent("tools/validate-exports.sh").path
        guard FileManager.default.isReadableFile(atPath: script) else {
            try Test.cancel("\(script) is absent (it ships with ../shared, not with the package); skipping")
        }
        for tool in ["bash", "xmllint", "python3", "dot", "gvpr"] { _ = try Support.requireTool(tool) }
        return script
    }

    @Test("validate-exports.sh passes the sample graph (Russia, North Korea, Putin, Kim, South Ossetia)",
          .timeLimit(.minutes(5)))
    func validateSample() throws {
        let script = try requireValidator()
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let (graphml, dot) = try export(Support.sampleGraph(), named: "sample", in: folder)
        let result = try Support.run(Support.tool("bash")!, [script, graphml, dot], environment: ["STRICT_LABELS": "1"])
        #expect(result.stdout.contains("== result: OK"), "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("WARN"), "\(result.stdout)")
        #expect(result.status == 0)
    }

    @Test("validate-exports.sh passes the graph of awkward names", .timeLimit(.minutes(5)))
    func validateTricky() throws {
        let script = try requireValidator()
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let (graphml, dot) = try export(Support.trickyGraph(), named: "tricky", in: folder)
        let result = try Support.run(Support.tool("bash")!, [script, graphml, dot])
        #expect(result.stdout.contains("== result: OK"), "\(result.stdout)\n\(result.stderr)")
        #expect(result.status == 0)
    }

    @Test("xmllint validates the files against the GraphML 1.1 schema")
    func schema() throws {
        let xmllint = try Support.requireTool("xmllint")
        let xsd = Support.shared.appendingPathComponent("graphml-xsd/graphml.xsd").path
        guard FileManager.default.isReadableFile(atPath: xsd) else {
            try Test.cancel("\(xsd) is absent (it ships with ../shared); skipping")
        }
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        for (name, graph) in [("sample", Support.sampleGraph()), ("tricky", Support.trickyGraph()),
                              ("empty", KnowledgeGraph())] {
            let (graphml, _) = try export(graph, named: name, in: folder)
            let result = try Support.run(xmllint, ["--nonet", "--noout", "--schema", xsd, graphml])
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
    }

    @Test("networkx and igraph read kgraph's files with the expected counts and labels")
    func pythonConsumers() throws {
        let python = try Support.requireTool("python3")
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let graph = Support.trickyGraph()
        let (graphml, _) = try export(graph, named: "tricky", in: folder)
        let program = """
            import sys, json, networkx as nx
            G = nx.read_graphml(sys.argv[1])
            out = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                   "labels": sorted(d.get("label", "") for _, d in G.nodes(data=True))}
            try:
                import igraph as ig
                g = ig.Graph.Read_GraphML(sys.argv[1])
                out["igraph"] = [g.vcount(), g.ecount()]
            except ImportError:
                pass
            print(json.dumps(out))
            """
        let result = try Support.run(python, ["-c", program, graphml])
        guard result.status == 0 else {
            if result.stderr.contains("No module named 'networkx'") { try Test.cancel("networkx is not installed") }
            Issue.record("python3 failed: \(result.stderr)")
            return
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["nodes"] as? Int == graph.entities.count)
        #expect(json["edges"] as? Int == graph.relations.count)
        #expect((json["labels"] as? [String]) == graph.sortedEntities.map(\.name).sorted())
        if let counts = json["igraph"] as? [Int] {
            #expect(counts == [graph.entities.count, graph.relations.count])
        }
    }
}
