import Foundation
import KGraph
import KGraphFormats
import Testing

@Suite("GraphML write → read")
struct GraphMLRoundTripTests {
    @Test("the sample graph reads back equal, evidence and mentions included")
    func sampleRoundTrip() throws {
        let graph = Support.sampleGraph()
        let data = try GraphMLWriter().data(for: graph)
        let read = try GraphMLReader().read(data, name: "sample.graphml")
        #expect(read == graph)
        let key = RelationKey(source: EntityID(name: "North Korea", kind: .country), type: .supplies,
                              target: EntityID(name: "Russia", kind: .country))
        #expect(read[key]?.evidence.count == 2)
        #expect(read[key]?.sortedEvidence.contains { $0.claimant == "Seoul" && $0.hedged } == true)
    }

    @Test("awkward names, ids, attribute names, tags and self-loops read back equal")
    func trickyRoundTrip() throws {
        let graph = Support.trickyGraph()
        let read = try GraphMLReader().read(try GraphMLWriter().data(for: graph))
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

    @Test("a file written to disk reads back equal")
    func fileRoundTrip() throws {
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let path = folder.appendingPathComponent("sample.graphml").path
        try GraphMLWriter.write(Support.sampleGraph(), to: path)
        #expect(try GraphMLReader.read(from: path) == Support.sampleGraph())
        // Nothing but the file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sample.graphml"])
    }

    @Test("capping evidence keeps every mention, so weights survive")
    func cappedEvidence() throws {
        let graph = Support.sampleGraph()
        let read = try GraphMLReader().read(try GraphMLWriter(maxEvidence: 1).data(for: graph))
        for relation in graph.sortedRelations {
            let copy = try #require(read[relation.key])
            #expect(copy.mentions == relation.mentions)
            #expect(copy.weight == relation.weight)
            #expect(copy.evidence == relation.cappingEvidence(1).evidence)
        }
    }

    @Test("two writes, and two insertion orders, give identical bytes")
    func deterministicBytes() throws {
        let graph = Support.trickyGraph()
        let reversed = KnowledgeGraph(entities: graph.sortedEntities.reversed(),
                                      relations: graph.sortedRelations.reversed())
        let first = try GraphMLWriter().data(for: graph)
        let second = try GraphMLWriter().data(for: graph)
        let third = try GraphMLWriter().data(for: reversed)
        #expect(first == second)
        #expect(first == third)
        #expect(DOTWriter().string(for: graph) == DOTWriter().string(for: reversed))
    }

    @Test("control characters are stripped, never written")
    func controlCharacters() throws {
        let entity = Entity(id: EntityID(rawValue: "bell\u{7}"), name: "bell\u{7}\u{0}\u{1B}[0m\u{FFFE}",
                            kind: .other, attributes: ["a\u{1}": "b\u{2}"])
        let graph = KnowledgeGraph(entities: [entity])
        let text = try GraphMLWriter.string(for: graph)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let read = try GraphMLReader().read(Data(text.utf8))
        #expect(read[EntityID(rawValue: "bell")]?.name == "bell[0m")
        // Attribute names are escaped into `attr.name`, so even a control character in one survives.
        #expect(read[EntityID(rawValue: "bell")]?.attributes == ["a\u{1}": "b"])
    }

    @Test("the file has the shape Gephi, igraph and networkx expect")
    func fileShape() throws {
        let text = try GraphMLWriter.string(for: Support.trickyGraph())
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""))
        #expect(text.contains("<graph id=\"G\" edgedefault=\"directed\">"))
        #expect(!text.contains("for=\"graph\""))
        #expect(!text.contains("attr.name=\"id\""))
        for hijacked in ["d3", "d7", "label", "weight", "x", "y", "size", "r", "g", "b"] {
            #expect(!text.contains("<key id=\"\(hijacked)\""))
        }
        #expect(text.contains("<key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"))
        #expect(text.contains("<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>"))
        #expect(text.contains("<node id=\"n0\">"))
        #expect(text.contains("<edge id=\"e0\" source=\"n"))
        // Free attributes whose names are taken are renamed, not dropped.
        #expect(text.contains("attr.name=\"attr.label\""))
        #expect(text.contains("attr.name=\"attr.id\""))
        #expect(text.contains("attr.name=\"attr.with_20_space\""))
        #expect(text.contains("attr.name=\"страна\""))
    }

    @Test("a failed write leaves the existing file untouched")
    func atomicReplace() throws {
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let path = folder.appendingPathComponent("graph.graphml").path
        try GraphMLWriter.write(Support.sampleGraph(), to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A destination that is a folder cannot be replaced by a file.
        let blocked = folder.appendingPathComponent("blocked.graphml")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        #expect(throws: ExportError.self) { try GraphMLWriter.write(Support.sampleGraph(), to: blocked.path) }
        #expect(throws: (any Error).self) {
            try GraphMLWriter.write(Support.sampleGraph(), to: folder.path + "/missing/graph.graphml")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == ["blocked.graphml", "graph.graphml"])
    }
}
