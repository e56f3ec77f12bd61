import Testing
@testable import KGraph

@Suite("The graph core")
struct KnowledgeGraphTests {
    let russia = Entity(name: "Russia", kind: .country)
    let korea = Entity(name: "North Korea", kind: .country)
    let putin = Entity(name: "Vladimir Putin", kind: .person, aliases: ["Putin"], mentionsByArticle: ["a": 2])
    let kim = Entity(name: "Kim Jong Un", kind: .person, mentionsByArticle: ["a": 1])

    func evidence(_ article: String, _ start: Int, date: String? = "2024-02-07", hedged: Bool = false) -> Evidence {
        Evidence(article: article, date: date, sentence: "s", sentenceStart: 0, sentenceEnd: 1, trigger: "t",
                 triggerStart: start, triggerEnd: start + 1, pattern: "p", hedged: hedged)
    }

    @Test func idsAreStableSlugs() {
        #expect(EntityID(name: "North Korea", kind: .country).rawValue == "country:north-korea")
        #expect(EntityID(name: "U.N.", kind: .organization).rawValue == "organization:un")
        #expect(EntityID(name: "Côte d'Ivoire", kind: .country).rawValue == "country:côte-divoire")
    }

    @Test func sameTripleAggregatesDifferentTypesStayApart() {
        var graph = KnowledgeGraph(entities: [russia, korea])
        let supplies = RelationKey(source: korea.id, type: .supplies, target: russia.id)
        graph.add(Relation(key: supplies, evidence: [evidence("a", 10)]))
        graph.add(Relation(key: supplies, evidence: [evidence("b", 20, date: "2024-03-01", hedged: true)]))
        graph.add(Relation(key: RelationKey(source: korea.id, type: .funds, target: russia.id), evidence: [evidence("a", 30)]))
        #expect(graph.relations.count == 2)
        let edge = graph[supplies]!
        #expect(edge.weight == 2)
        #expect(edge.articleCount == 2)
        #expect(edge.firstDate == "2024-02-07" && edge.lastDate == "2024-03-01")
        #expect(edge.hedgedShare == 0.5)
    }

    @Test func symmetricRelationsHaveOneDirection() {
        let forward = RelationKey(source: putin.id, type: .meets, target: kim.id)
        let backward = RelationKey(source: kim.id, type: .meets, target: putin.id)
        #expect(forward == backward)
        #expect(RelationKey(source: putin.id, type: .visits, target: kim.id) != RelationKey(source: kim.id, type: .visits, target: putin.id))
    }

    @Test func mergeIsCommutativeAssociativeIdempotent() {
        var a = KnowledgeGraph(entities: [russia, korea, putin])
        a.add(Relation(key: RelationKey(source: korea.id, type: .supplies, target: russia.id), evidence: [evidence("a", 1)]))
        var b = KnowledgeGraph(entities: [russia, korea, kim, Entity(name: "Vladimir Putin", kind: .person, aliases: ["Vladimir V. Putin"], mentionsByArticle: ["b": 1])])
        b.add(Relation(key: RelationKey(source: korea.id, type: .supplies, target: russia.id), evidence: [evidence("b", 5)]))
        var c = KnowledgeGraph(entities: [putin, kim])
        c.add(Relation(key: RelationKey(source: kim.id, type: .meets, target: putin.id), evidence: [evidence("c", 2)]))
        #expect(a.merging(b) == b.merging(a))
        #expect(a.merging(b).merging(c) == a.merging(b.merging(c)))
        #expect(a.merging(a) == a)
        let all = a.merging(b).merging(c)
        #expect(all[putin.id]?.aliases == ["Putin", "Vladimir V. Putin"])
        #expect(all[putin.id]?.mentions == 3)
        #expect(all.merging(all) == all)
    }

    @Test func cappingEvidenceCommutesWithMerging() {
        let key = RelationKey(source: korea.id, type: .supplies, target: russia.id)
        let left = Relation(key: key, evidence: [evidence("a", 1), evidence("b", 2), evidence("c", 3)])
        let right = Relation(key: key, evidence: [evidence("d", 4, date: "2024-01-01"), evidence("a", 1)])
        var merged = left
        merged.merge(right)
        var cappedFirst = left.cappingEvidence(2)
        cappedFirst.merge(right.cappingEvidence(2))
        #expect(cappedFirst.cappingEvidence(2).evidence == merged.cappingEvidence(2).evidence)
        #expect(merged.weight == 4)
    }

    @Test func filtersAndQueries() throws {
        var graph = KnowledgeGraph(entities: [russia, korea, putin, kim, Entity(name: "South Ossetia", kind: .country)])
        graph.add(Relation(key: RelationKey(source: korea.id, type: .supplies, target: russia.id), evidence: [evidence("a", 1), evidence("b", 1)]))
        graph.add(Relation(key: RelationKey(source: kim.id, type: .meets, target: putin.id), evidence: [evidence("a", 2)]))
        graph.add(Relation(key: RelationKey(source: kim.id, type: .leads, target: korea.id), evidence: [evidence("a", 3)]))
        graph.add(Relation(key: RelationKey(source: EntityID(name: "South Ossetia", kind: .country), type: .alliedWith, target: russia.id), evidence: [evidence("a", 4)]))
        var filter = GraphFilter()
        filter.minimumWeight = 2
        #expect(try filter.apply(to: graph).relations.count == 1)
        filter = GraphFilter()
        filter.kinds = [.person]
        #expect(try filter.apply(to: graph).entities.count == 2)
        filter = GraphFilter()
        filter.around = "Putin"
        filter.depth = 1
        #expect(Set(try filter.apply(to: graph).entities.keys) == [putin.id, kim.id])
        filter.around = "Nobody"
        #expect(throws: GraphFilter.Error.self) { try filter.apply(to: graph) }
        let path = try #require(graph.shortestPath(from: kim.id, to: EntityID(name: "South Ossetia", kind: .country)))
        #expect(path.map(\.type) == [.leads, .supplies, .alliedWith])
        #expect(graph.lookup("putin")?.id == putin.id)
    }
}
