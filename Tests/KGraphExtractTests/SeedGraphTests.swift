import Foundation
import KGraph
import Testing
@testable import KGraphExtract

/// The first article is the project's acceptance test: its graph must be right.
@Suite("The seed article's graph")
struct SeedGraphTests {
    static let extractor: Extractor = try! Extractor.standard()

    func extraction() throws -> ArticleExtraction {
        let path = try #require(ArticleFixtures.seed, "the seed article is missing from examples/")
        let batch = try ArticleReader().read(path: path.path)
        let article = try #require(batch.articles.first)
        return Self.extractor.extract(article)
    }

    @Test func articleData() throws {
        let article = try extraction().article
        #expect(article.date == "2024-02-07")
        #expect(article.author == "Ahmed Emam")
        #expect(article.title == "Russian Bank Account Could Provide Indications Regarding Deal for North Korean Arms")
    }

    @Test func entities() throws {
        let names = Set(try extraction().entities.map(\.name))
        for expected in ["Russia", "North Korea", "Vladimir Putin", "Kim Jong Un", "South Ossetia", "United Nations", "Choe Son Hui", "Ukraine"] {
            #expect(names.contains(expected), "missing \(expected) in \(names.sorted())")
        }
        // Masthead, byline and capitalised ordinary words are not entities.
        for name in names {
            for banned in ["Elham", "AbolFateh", "Wadie", "Mohamed", "Emam", "Supervisor", "Editor", "Access", "However", "Bank Account", "Indications", "Deal"] {
                #expect(!name.contains(banned), "\(name) should not be an entity")
            }
        }
        let kinds = Dictionary(uniqueKeysWithValues: try extraction().entities.map { ($0.name, $0.kind) })
        #expect(kinds["Choe Son Hui"] == .person)
        #expect(kinds["United Nations"] == .organization)
        #expect(kinds["Vladimir Putin"] == .person)
    }

    @Test func mentionOffsetsPointIntoTheText() throws {
        let found = try extraction()
        for mention in found.mentions {
            #expect(found.article.text.codePoints(mention.start..<mention.end) == mention.text)
        }
        #expect(found.mentions.contains { $0.text == "U.N." && $0.entity.rawValue == "organization:united-nations" })
        #expect(found.mentions.contains { $0.text == "Putin" && $0.entity.rawValue == "person:vladimir-putin" })
    }

    struct Edge: Hashable, CustomStringConvertible {
        var source: String, type: String, target: String
        var description: String { "\(source) \(type) \(target)" }
    }

    @Test func relationsAreTheOnesTheArticleStates() throws {
        let found = try extraction()
        let names = Dictionary(uniqueKeysWithValues: found.entities.map { ($0.id, $0.name) })
        let edges = Set(found.relations.map { Edge(source: names[$0.source]!, type: $0.type.rawValue, target: names[$0.target]!) })
        let expected: Set<Edge> = [
            Edge(source: "North Korea", type: "supplies", target: "Russia"),
            Edge(source: "Russia", type: "funds", target: "North Korea"),
            Edge(source: "United Nations", type: "sanctions", target: "North Korea"),
            Edge(source: "Kim Jong Un", type: "meets", target: "Vladimir Putin"),
            Edge(source: "Vladimir Putin", type: "meets", target: "Choe Son Hui"),
            Edge(source: "Vladimir Putin", type: "visits", target: "North Korea"),
            Edge(source: "Kim Jong Un", type: "leads", target: "North Korea"),
            Edge(source: "Choe Son Hui", type: "member_of", target: "North Korea"),
            Edge(source: "South Ossetia", type: "located_in", target: "Caucasus"),
            Edge(source: "South Ossetia", type: "allied_with", target: "Russia"),
            // Stated too: "Russia may be helping North Korea", "partnership between Russia and North Korea",
            // and, negated, "unclear whether Russia has given North Korea the military technology".
            Edge(source: "Russia", type: "supports", target: "North Korea"),
            Edge(source: "Russia", type: "allied_with", target: "North Korea"),
            Edge(source: "Russia", type: "supplies", target: "North Korea"),
        ]
        #expect(edges.subtracting(expected).isEmpty, "not stated by the article: \(edges.subtracting(expected))")
        #expect(expected.subtracting(edges).isEmpty, "missing: \(expected.subtracting(edges))")
    }

    @Test func evidenceFlagsAndObjects() throws {
        let found = try extraction()
        func relation(_ source: String, _ type: RelationType, _ target: String, trigger: String) -> RelationRecord? {
            found.relations.first {
                $0.source.rawValue.hasSuffix(source) && $0.type == type && $0.target.rawValue.hasSuffix(target) && $0.evidence.trigger == trigger
            }
        }
        let funds = try #require(relation("russia", .funds, "north-korea", trigger: "release"))
        #expect(funds.evidence.hedged)
        #expect(funds.evidence.object == "$9 million")
        #expect(funds.evidence.claimant == "American-allied intelligence officials")
        let missiles = try #require(relation("north-korea", .supplies, "russia", trigger: "provided"))
        #expect(missiles.evidence.object == "ballistic missiles")
        let ammunition = try #require(relation("north-korea", .supplies, "russia", trigger: "shipped"))
        #expect(ammunition.evidence.object?.contains("ammunition") == true)
        #expect(ammunition.evidence.hedged)
        let transfer = try #require(relation("north-korea", .supplies, "russia", trigger: "transfer"))
        #expect(transfer.evidence.object == "weapons")
        let visit = try #require(relation("vladimir-putin", .visits, "north-korea", trigger: "visit"))
        #expect(visit.evidence.intended && visit.evidence.hedged)
        let technology = try #require(relation("russia", .supplies, "north-korea", trigger: "given"))
        #expect(technology.evidence.negated)
        for record in found.relations {
            #expect(found.article.text.codePoints(record.evidence.sentenceStart..<record.evidence.sentenceEnd) == record.evidence.sentence)
            #expect(found.article.text.codePoints(record.evidence.triggerStart..<record.evidence.triggerEnd).contains(record.evidence.trigger)
                || record.evidence.pattern == "builtin:role")
            #expect(record.evidence.date == "2024-02-07")
        }
    }

    @Test func negatedStatementsAreNotFactsOfTheGraph() throws {
        let graph = try extraction().graph
        let key = RelationKey(source: EntityID(name: "Russia", kind: .country), type: .supplies, target: EntityID(name: "North Korea", kind: .country))
        let relation = try #require(graph[key])
        #expect(relation.isNegated)
    }
}
