import Testing
@testable import KGraphExtract

@Suite("Article dates")
struct ArticleReaderDateTests {
    @Test(
        "Date forms news pages use",
        arguments: [
            ("Wed 07 Feb 2024 | 02:35 PM", "2024-02-07"),
            ("7 February 2024", "2024-02-07"),
            ("February 7, 2024", "2024-02-07"),
            ("Wednesday, February 7th, 2024", "2024-02-07"),
            ("Feb. 7, 2024 at 2:35 p.m. ET", "2024-02-07"),
            ("7th of February 2024", "2024-02-07"),
            ("7-Feb-2024", "2024-02-07"),
            ("2024-02-07", "2024-02-07"),
            ("2024-02-07T14:35:00.000Z", "2024-02-07"),
            ("2024-02-07T23:30:00-05:00", "2024-02-07"),
            ("2024/2/7", "2024-02-07"),
            ("07/02/2024", "2024-02-07"),
            ("07.02.2024 14:35", "2024-02-07"),
            ("02/13/2024", "2024-02-13"),
            ("13/02/2024", "2024-02-13"),
            ("7/2/24", "2024-02-07"),
            ("Saturday, 26 February 2005 1400 GMT", "2005-02-26"),
            ("29 February 2024", "2024-02-29"),
        ])
    func reads(_ input: String, _ expected: String) {
        #expect(ArticleDate(parsing: input)?.description == expected)
    }

    @Test(
        "Not dates",
        arguments: [
            "7 February", "February 2024", "Tuesday, 1 March", "30 February 2024", "29 February 2023",
            "On 7 February 2024 the talks began", "1.2.3.4", "2024-13-01", "version 2.0.2024", "7 Feb 2024 and 8 Feb 2024",
            "02:35 PM", "", "Ewood Park",
        ])
    func rejects(_ input: String) {
        #expect(ArticleDate(parsing: input) == nil)
    }

    @Test("Ambiguous all-numbers dates follow the option; unambiguous ones do not")
    func numericOrder() {
        #expect(ArticleDate(parsing: "07/02/2024", order: .monthFirst)?.description == "2024-07-02")
        #expect(ArticleDate(parsing: "13/02/2024", order: .monthFirst)?.description == "2024-02-13")
        let options = ArticleReader.Options(numericDateOrder: .monthFirst)
        #expect(options.numericDateOrder == .monthFirst)
    }

    @Test("Times of day")
    func times() {
        #expect(ArticleDate.isTimeOfDay("02:35 PM"))
        #expect(ArticleDate.isTimeOfDay("1400 GMT"))
        #expect(!ArticleDate.isTimeOfDay("2024"))
        #expect(!ArticleDate.isTimeOfDay("Ahmed Emam"))
    }
}
