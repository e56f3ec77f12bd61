import Foundation
import KGraph
import Testing
@testable import KGraphExtract

/// Inputs the article fuzzers found, replayed through the reader and the
/// whole extraction on every test run: each must be read or refused with an
/// error, never crash, and every offset must point into the article's text.
///
/// `Fixtures/fuzz-regressions/{html,text,jsonl}` are filled by `Scripts/fuzz.sh`.
@Suite("Fuzz regressions: article readers and extraction", .timeLimit(.minutes(3)))
struct FuzzRegressionTests {
    static let regressions = ArticleFixtures.testsFolder.appendingPathComponent("Fixtures/fuzz-regressions")
    static let extractor = Result { try Extractor.standard() }

    static func files(_ format: InputFormat) -> [URL] {
        let folder = regressions.appendingPathComponent(format.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("every kept input reads or fails with an error, and extracts within the text",
          arguments: [InputFormat.html, .text, .jsonl])
    func replay(_ format: InputFormat) throws {
        let extractor = try Self.extractor.get()
        for file in Self.files(format) {
            let batch: ArticleBatch
            do {
                batch = try ArticleReader().read(data: try Data(contentsOf: file), name: file.lastPathComponent,
                                                 format: format)
            } catch {
                #expect(!String(describing: error).isEmpty)
                continue
            }
            for article in batch.articles {
                Self.check(extractor.extract(article), of: article, file: file.lastPathComponent)
            }
        }
    }

    /// What the fuzz targets assert: mentions are `text[start..<end]`, evidence lies in the text.
    static func check(_ extraction: ArticleExtraction, of article: Article, file: String) {
        let count = article.text.unicodeScalars.count
        for range in article.bodyRanges {
            #expect(range.lowerBound >= 0 && range.upperBound <= count, "\(file): body range \(range)")
        }
        for mention in extraction.mentions {
            let inside = 0 <= mention.start && mention.start <= mention.end && mention.end <= count
            #expect(inside, "\(file): mention [\(mention.start), \(mention.end)) of \(count)")
            if inside { #expect(article.text.codePoints(mention.start..<mention.end) == mention.text, "\(file)") }
        }
        for relation in extraction.relations {
            let evidence = relation.evidence
            #expect(0 <= evidence.sentenceStart && evidence.sentenceEnd <= count, "\(file): sentence")
            #expect(0 <= evidence.triggerStart && evidence.triggerEnd <= count, "\(file): trigger")
        }
    }

    @Test("an HTML page nested 100,000 elements deep is read in bounded time")
    func deepHTML() throws {
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Russia sanctions Iran.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let start = Date()
        // libxml2's HTML parser stops nesting at its depth limit; the page may lose its text, never the process.
        if let article = try? ArticleFixtures.read(page, name: "deep.html", format: .html) {
            Self.check(try Self.extractor.get().extract(article), of: article, file: "deep.html")
        }
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test("a 20 MB HTML attribute and text node are read or refused in bounded time")
    func hugeHTMLValues() throws {
        let big = String(repeating: "a", count: 20_000_000)
        let page = "<html><head><meta name=\"description\" content=\"\(big)\"><title>\(big)</title></head>"
            + "<body><p>\(big)</p></body></html>"
        let start = Date()
        _ = try? ArticleReader().read(data: Data(page.utf8), name: "huge.html", format: .html)
        #expect(Date().timeIntervalSince(start) < 60)
    }
}
