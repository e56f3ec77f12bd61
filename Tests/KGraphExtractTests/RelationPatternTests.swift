import KGraph
import Testing
@testable import KGraphExtract

/// Direction, voice and flags on short sentences written for these tests.
@Suite("Relation patterns")
struct RelationPatternTests {
    static let extractor: Extractor = try! Extractor.standard()

    /// The (source, relation, target, negated) facts of one sentence, by canonical names.
    func facts(_ text: String) -> Set<String> {
        let found = Self.extractor.extract(Article(id: "t", text: text, date: "2024-03-01"))
        let names = Dictionary(uniqueKeysWithValues: found.entities.map { ($0.id, $0.name) })
        return Set(found.relations.map {
            "\(names[$0.source]!) \($0.type) \(names[$0.target]!)" + ($0.evidence.negated ? " (negated)" : "")
        })
    }

    @Test func activeAndPassive() {
        #expect(facts("Russia supplied ballistic missiles to Iran.") == ["Russia supplies Iran"])
        #expect(facts("North Korea was sanctioned by the European Union.") == ["European Union sanctions North Korea"])
    }

    @Test func coordinationGivesEachSubject() {
        #expect(facts("Russia and China supplied weapons to Iran.") == ["Russia supplies Iran", "China supplies Iran"])
    }

    @Test func nestedClausesKeepTheirOwnSubject() {
        #expect(facts("The United States accused North Korea of shipping artillery shells to Russia.")
            == ["United States criticizes North Korea", "North Korea supplies Russia"])
    }

    @Test func aModifierIsNotTheSubject() {
        #expect(facts("The US firm agreed to pay $2 million to France.").isEmpty)
    }

    @Test func receivingReversesTheDirection() {
        #expect(facts("Iran received $5 million from Russia.") == ["Russia funds Iran"])
    }

    @Test func negation() {
        #expect(facts("Russia did not supply weapons to Iran.") == ["Russia supplies Iran (negated)"])
    }

    @Test func capitalsStandForCountriesInRelations() {
        #expect(facts("North Korea sent artillery shells to Moscow.") == ["North Korea supplies Russia"])
    }
}
