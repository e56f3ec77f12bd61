import Foundation
import Testing
@testable import KGraphExtract

@Suite("Plain-text articles")
struct ArticleReaderTextTests {
    @Test(
        "The seed article: masthead, headline, date line, byline, body",
        .enabled(if: ArticleFixtures.seed != nil, "the seed article is in neither examples/ nor ../shared/corpus/seed"))
    func seedArticle() throws {
        let url = try #require(ArticleFixtures.seed)
        let batch = try ArticleReader().read(path: url.path)
        let article = try #require(batch.articles.first)
        #expect(batch.articles.count == 1 && batch.errors.isEmpty)
        let original = try String(contentsOf: url, encoding: .utf8)
        #expect(article.text == original)
        #expect(article.id == url.path)
        #expect(article.title == "Russian Bank Account Could Provide Indications Regarding Deal for North Korean Arms")
        #expect(article.date == "2024-02-07")
        #expect(article.author == "Ahmed Emam")

        // Expected independently: non-blank lines, trimmed (a no-break space ends some), masthead, date line and byline dropped.
        let lines = original.components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(lines[3] == "Wed 07 Feb 2024 | 02:35 PM")
        let expected = [lines[2]] + lines[5...]
        #expect(article.bodyTexts == Array(expected))
        #expect(article.bodyRanges.count == 8)
        #expect(article.bodyTexts.allSatisfy { !$0.contains("Editor in Chief") && !$0.contains("Ahmed Emam") })
        // Offsets are code points: the headline starts after the two masthead lines and a blank line.
        let mastheadLength = "Supervisor Elham AbolFateh\nEditor in Chief Mohamed Wadie\n\n".unicodeScalars.count
        #expect(article.bodyRanges[0].lowerBound == mastheadLength)
    }

    @Test(
        "A BBC article: headline, blank line, paragraphs, no date",
        .enabled(if: ArticleFixtures.bbc != nil, "../shared/corpus/bbc is absent"))
    func bbcArticle() throws {
        let path = try #require(ArticleFixtures.bbc).appendingPathComponent("politics/001.txt").path
        let article = try #require(try ArticleReader().read(path: path).articles.first)
        #expect(article.title == "Labour plans maternity pay rise")
        #expect(article.date == nil)
        #expect(article.author == nil)
        let paragraphs = article.text.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(article.bodyTexts == paragraphs)
        #expect(article.bodyTexts[1].hasPrefix("Maternity pay for new mothers"))
    }

    @Test(
        "Every BBC article reads, with a headline and no invented byline",
        .enabled(if: ArticleFixtures.bbc != nil, "../shared/corpus/bbc is absent"))
    func wholeBBCCorpus() throws {
        let folder = try #require(ArticleFixtures.bbc)
        let files = try #require(FileManager.default.enumerator(atPath: folder.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") && $0.contains("/") }
        #expect(files.count == 2225)
        let reader = ArticleReader()
        for file in files {
            let article = try #require(try reader.read(path: folder.appendingPathComponent(file).path).articles.first)
            #expect(article.title != nil, "\(file)")
            #expect(article.author == nil, "\(file): \(article.author ?? "")")
            #expect(article.bodyRanges.count >= 2, "\(file)")
        }
    }

    @Test("A masthead, labelled date, byline with affiliation and furniture are kept out of the body")
    func sampleMasthead() throws {
        let batch = try ArticleReader().read(path: ArticleFixtures.fixture("sample-masthead.txt"))
        let article = try #require(batch.articles.first)
        #expect(article.title == "Port Authority Signs Ferry Deal With Island Council")
        #expect(article.date == "2024-03-05")
        #expect(article.author == "Tomas Lindqvist")
        #expect(
            article.bodyTexts == [
                "Port Authority Signs Ferry Deal With Island Council",
                "SAMPLE text written for kgraph's tests; every name in it is fictional.",
                "The Port Authority signed a ferry deal with the Island Council on Monday,\nofficials said, after months of talks.",
                "The deal covers three routes.",
            ])
    }

    @Test("Emoji and CJK: offsets count code points, not UTF-16 units or bytes")
    func codePointOffsets() throws {
        let text = "😀 北京 talks 👩‍👩‍👧\n\n7 February 2024\nBy Jane Doe\n\n東京 said 😀 yes.\n"
        let article = try ArticleFixtures.read(text)
        #expect(article.title == "😀 北京 talks 👩‍👩‍👧")
        // Python: len(headline) == 16 and text.index("東京") == 47. 😀 is 1 code point (2 UTF-16
        // units, 4 bytes); the family emoji is 5 code points and 1 Character; the headline is 20 UTF-16 units.
        #expect(article.bodyRanges == [0..<16, 47..<61])
        #expect(article.bodyTexts == ["😀 北京 talks 👩‍👩‍👧", "東京 said 😀 yes."])
        #expect(article.date == "2024-02-07")
        #expect(article.author == "Jane Doe")
    }

    @Test("CRLF line ends and trailing no-break spaces are not part of a paragraph")
    func crlf() throws {
        let article = try ArticleFixtures.read("Headline here\r\n\r\nFirst paragraph.\u{00A0}\r\nSecond line.\r\n\r\nLast one.")
        #expect(article.bodyTexts == ["Headline here", "First paragraph.\u{00A0}\r\nSecond line.", "Last one."])
        #expect(article.bodyRanges[0] == 0..<13)
    }

    @Test("Unicode spaces around a line are trimmed; offsets stay code points")
    func unicodeSpaces() throws {
        let article = try ArticleFixtures.read("\u{3000}Headline\u{00A0}\n\n\u{2003}Body 😀\u{200B}\n")
        #expect(article.bodyRanges == [1..<9, 13..<19])
        #expect(article.bodyTexts == ["Headline", "Body 😀"])
    }

    @Test("A Markdown heading is the title without its marks")
    func markdownHeading() throws {
        let article = try ArticleFixtures.read("# Ministers meet in Oslo\n\nBody text here.\n")
        #expect(article.title == "Ministers meet in Oslo")
        #expect(article.bodyTexts == ["Ministers meet in Oslo", "Body text here."])
    }

    @Test("A file that opens with a paragraph has no title")
    func noHeadline() throws {
        let sentence = "Officials from both countries met on Monday in the capital to discuss trade, energy and the long-running dispute over fishing rights."
        let article = try ArticleFixtures.read(sentence + "\n\nA second paragraph.\n")
        #expect(article.title == nil)
        #expect(article.bodyTexts == [sentence, "A second paragraph."])
    }

    @Test("A bare name under the headline is a byline only next to a date line")
    func bareNameNeedsADate() throws {
        let withDate = try ArticleFixtures.read("Storm hits coast\nJane Q Doe\n2024-02-07\n\nThe storm hit.\n")
        #expect(withDate.author == "Jane Q Doe")
        #expect(withDate.date == "2024-02-07")
        #expect(withDate.bodyTexts == ["Storm hits coast", "The storm hit."])

        let withoutDate = try ArticleFixtures.read("Blackburn v Burnley\n\nEwood Park\n\nTuesday, 1 March\n\nThe match.\n")
        #expect(withoutDate.author == nil)
        #expect(withoutDate.date == nil)
        #expect(withoutDate.bodyTexts.count == 4)
    }

    @Test("An update date counts only when no publication date is given")
    func updatedDate() throws {
        let both = try ArticleFixtures.read("Title words\nUpdated 9 March 2024 | Published 7 March 2024\n\nBody.\n")
        #expect(both.date == "2024-03-07")
        let onlyUpdated = try ArticleFixtures.read("Title words\nLast updated: 9 March 2024\n\nBody.\n")
        #expect(onlyUpdated.date == "2024-03-09")
    }

    @Test("A sentence that mentions a date is body, not a date line")
    func sentenceWithDate() throws {
        let article = try ArticleFixtures.read("Title words\n\nOn 7 February 2024 the talks began.\n")
        #expect(article.date == nil)
        #expect(article.bodyTexts == ["Title words", "On 7 February 2024 the talks began."])
    }
}
