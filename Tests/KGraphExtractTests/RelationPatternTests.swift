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

/// "Putin", "Vladimir Putin", "the Russian president"; "Mr Blair", "Tony Blair", "the prime minister".
@Suite("References to one person")
struct PersonReferenceTests {
    static let extractor: Extractor = try! Extractor.standard()

    func mentions(_ text: String, date: String?) -> [(text: String, entity: String)] {
        let found = Self.extractor.extract(Article(id: "t", text: text, date: date))
        return found.mentions.filter { $0.kind == .person }.map { ($0.text, $0.entity.rawValue) }
    }

    @Test func aBritishArticleOf2005() {
        let text = """
            Tony Blair faced MPs in London. Mr Blair said the UK would act. Britain's opposition \
            doubted it, and the prime minister answered in the Commons.
            """
        let found = mentions(text, date: "2005-03-01")
        #expect(found.filter { $0.entity == "person:tony-blair" }.map(\.text) == ["Tony Blair", "Blair", "prime minister"],
                "\(found)")
    }

    @Test func aRussianPresidentOf2024() {
        let text = """
            Russia hosted the talks. The Russian president met Kim Jong Un, and Putin later said \
            that President Vladimir V. Putin would visit. Later the president spoke again.
            """
        let found = mentions(text, date: "2024-02-07")
        let putin = found.filter { $0.entity == "person:vladimir-putin" }.map(\.text)
        #expect(putin == ["Russian president", "Putin", "Vladimir V. Putin", "president"], "\(found)")
    }

    @Test func undatedArticlesDoNotGuessTheOfficeHolder() {
        let found = mentions("Britain's economy grew, the prime minister said.", date: nil)
        #expect(found.isEmpty, "\(found)")
    }
}
