import Foundation
import Testing
@testable import KGraphExtract

@Suite("JSON Lines articles")
struct ArticleReaderJSONLinesTests {
    @Test("Good lines are read, bad lines are reported with their line number")
    func goodAndBadLines() throws {
        let batch = try ArticleReader().read(path: ArticleFixtures.fixture("sample.jsonl"))
        #expect(batch.articles.map(\.id) == ["sample-1", "sample-2", "7"])
        let first = batch.articles[0]
        #expect(first.title == "Northport meeting")
        #expect(first.date == "2024-02-07")
        #expect(first.url == "https://example.org/1")
        #expect(first.author == "Jane Doe")
        #expect(first.bodyRanges.isEmpty)
        #expect(first.source.hasSuffix("sample.jsonl:1"))
        // An unreadable date is left out; the article stays.
        #expect(batch.articles[1].date == nil)
        #expect(batch.articles[1].text == "SAMPLE: 北京 and 東京 😀 talks.")
        #expect(batch.articles[2].title == nil)

        let lines = batch.errors.map(\.line)
        #expect(lines == [4, 5, 6, 7, 8, 9, 11])
        let messages = batch.errors.map(\.message)
        #expect(messages[0].hasPrefix("not valid JSON"))
        #expect(messages[1] == "missing \"id\"")
        #expect(messages[2] == "missing \"text\"")
        #expect(messages[3] == "\"text\" is a number, not a string")
        #expect(messages[4] == "duplicate id (first on line 1)")
        #expect(messages[5].hasPrefix("expected a JSON object"))
        #expect(messages[6] == "\"title\" is an array, not a string")
        let path = ArticleFixtures.fixture("sample.jsonl")
        #expect(batch.errors[4].description == "\(path):8: article \"sample-1\": duplicate id (first on line 1)")
        #expect(batch.errors.allSatisfy { !$0.description.contains("\n") })
    }

    @Test("CRLF, a BOM, and a line that is not UTF-8")
    func bytes() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n  {\"id\":\"b\",\"text\":\"".utf8))
        data.append(0xFF)
        data.append(Data("\"}\n  {\"id\":\"c\",\"text\":\"café\"}".utf8))
        let batch = try ArticleReader().read(data: data, name: "feed.jsonl", format: .jsonl)
        #expect(batch.articles.map(\.text) == ["x", "café"])
        #expect(batch.errors.map(\.description) == ["feed.jsonl:3:21: not valid UTF-8 (byte 0xFF)"])
    }

    @Test("Thousands of lines are read in one pass")
    func manyLines() throws {
        let line = #"{"id": "n\#(0)", "text": "Officials in the capital said on Monday that talks would resume. 😀"}"#
        var text = ""
        for index in 0..<5000 { text += line.replacingOccurrences(of: "n0", with: "n\(index)") + "\n" }
        let batch = try ArticleReader().read(data: Data(text.utf8), name: "big.jsonl", format: .jsonl)
        #expect(batch.articles.count == 5000)
        #expect(batch.errors.isEmpty)
        #expect(batch.articles.last?.source == "big.jsonl:5000")
    }

    @Test("Blank lines only is an empty file; standard input is sniffed")
    func emptyAndSniffed() throws {
        #expect(throws: ArticleError.self) { try ArticleReader().read(data: Data("\n \n".utf8), name: "blank.jsonl", format: .jsonl) }
        let batch = try ArticleReader().read(data: Data(" {\"id\":\"s\",\"text\":\"t\"}\n".utf8), name: "-")
        #expect(batch.articles.map(\.id) == ["s"])
    }
}
