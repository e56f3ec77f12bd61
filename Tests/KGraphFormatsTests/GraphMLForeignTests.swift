import Foundation
import KGraph
import KGraphFormats
import Testing

/// Files written by other tools: see `Fixtures/make_fixtures.py`.
@Suite("GraphML from networkx, igraph and yEd")
struct GraphMLForeignTests {
    @Test("networkx MultiDiGraph: labels, kinds, attributes, defaults, parallel edges")
    func networkxMultiDiGraph() throws {
        let graph = try GraphMLReader.read(from: Support.fixture("networkx_multidigraph.graphml"))
        #expect(graph.entities.count == 4)
        #expect(graph.relations.count == 5)
        let russia = try #require(graph[EntityID(rawValue: "russia")])
        #expect(russia.name == "Russia")
        #expect(russia.kind == .country)
        #expect(russia.attributes == ["population": "144", "capital": "Moscow", "region": "Europe"])
        let korea = try #require(graph[EntityID(rawValue: "dprk")])
        #expect(korea.kind == .country)  // "gpe", read leniently
        #expect(korea.attributes["region"] == "unknown")  // the key's <default>
        let kim = try #require(graph[EntityID(rawValue: "kim")])
        #expect(kim.name == "Kim Jong Un")  // from `name` when there is no `label`
        #expect(kim.kind == .person)  // from `type`
        let supplies = graph.sortedRelations.filter { $0.type == .supplies }
        #expect(supplies.count == 2)  // parallel edges kept
        #expect(Set(supplies.map { $0.attributes["note"] }) == ["oil", "wheat"])
        #expect(supplies.allSatisfy { $0.source == russia.id && $0.target == korea.id })
        #expect(graph.sortedRelations.contains { $0.type == .funds && $0.attributes["weight"] == "2" })
        #expect(graph.sortedRelations.contains { $0.type == .meets })  // from the edge `label`
        #expect(graph.sortedRelations.contains { $0.type == .related && $0.source == kim.id })
    }

    @Test("networkx undirected Graph: edges read as directed, typed values kept as text")
    func networkxUndirected() throws {
        let graph = try GraphMLReader.read(from: Support.fixture("networkx_undirected.graphml"))
        #expect(graph.entities.count == 3)
        #expect(graph.relations.count == 2)
        #expect(graph[EntityID(rawValue: "a")]?.name == "Alpha")
        #expect(graph[EntityID(rawValue: "a")]?.attributes["active"] == "True")  // as networkx writes it
        #expect(graph[EntityID(rawValue: "b")]?.attributes["score"] == "1.25")
        #expect(graph.sortedRelations.contains {
            $0.type == .alliedWith && $0.source.rawValue == "a" && $0.target.rawValue == "b"
                && $0.attributes["since"] == "1990"
        })
    }

    @Test("igraph: vertex names, parallel edges without ids")
    func igraphDirected() throws {
        let graph = try GraphMLReader.read(from: Support.fixture("igraph_directed.graphml"))
        #expect(graph.entities.count == 4)
        #expect(graph.relations.count == 4)
        #expect(graph.sortedEntities.map(\.name) == ["Russia", "North Korea", "Vladimir Putin", "Kim Jong Un"])
        #expect(graph[EntityID(rawValue: "n0")]?.kind == .country)
        #expect(graph[EntityID(rawValue: "n0")]?.attributes["population"] == "144")
        let supplies = graph.sortedRelations.filter { $0.type == .supplies }
        #expect(supplies.count == 2)
        #expect(Set(supplies.map { $0.attributes["weight"] }) == ["3", "1"])
    }

    @Test("yEd: labels from the graphics markup, graphics dropped")
    func yEd() throws {
        let graph = try GraphMLReader.read(from: Support.fixture("yed.graphml"))
        #expect(graph.sortedEntities.map(\.name) == ["Moscow", "Pyongyang", "n2"])
        #expect(graph[EntityID(rawValue: "n0")]?.attributes == ["description": "The capital"])
        #expect(graph.relations.count == 2)
        #expect(graph.sortedRelations.map(\.type) == [.supplies, .related])
    }

    @Test("a foreign graph written by kgraph and read again keeps its counts and labels")
    func foreignRewrite() throws {
        for name in ["networkx_multidigraph.graphml", "igraph_directed.graphml", "yed.graphml"] {
            let graph = try GraphMLReader.read(from: Support.fixture(name))
            let again = try GraphMLReader().read(try GraphMLWriter().data(for: graph))
            #expect(again == graph, "\(name)")
        }
    }
}
