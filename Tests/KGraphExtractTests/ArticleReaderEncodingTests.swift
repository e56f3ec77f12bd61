import Foundation
import Testing
@testable import KGraphExtract

@Suite("Encodings and whole-file errors")
struct ArticleReaderEncodingTests {
    func error(_ data: Data, name: String = "file.txt", options: ArticleReader.Options = .init()) -> ArticleError? {
        do {
            _ = try ArticleReader(options: options).read(data: data, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test("A UTF-8 byte-order mark is dropped and offsets count from after it")
    func byteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("Headline\n\nBody.\n".utf8))
        let article = try #require(try ArticleReader().read(data: data, name: "bom.txt").articles.first)
        #expect(article.text == "Headline\n\nBody.\n")
        #expect(article.bodyRanges == [0..<8, 10..<15])
    }

    @Test("UTF-16 with a byte-order mark is decoded")
    func utf16() throws {
        var data = Data([0xFF, 0xFE])
        data.append("Titre\n\nCorps 😀.\n".data(using: .utf16LittleEndian)!)
        let article = try #require(try ArticleReader().read(data: data, name: "utf16.txt").articles.first)
        #expect(article.text == "Titre\n\nCorps 😀.\n")
        #expect(article.bodyRanges == [0..<5, 7..<15])
    }

    @Test("Invalid UTF-8 names the line, column and byte offset; a fallback encoding reads it")
    func invalidUTF8() throws {
        let data = Data(Array("Title\n\nCaf".utf8) + [0xE9] + Array(" society.\n".utf8))
        let found = try #require(error(data, name: "latin.txt"))
        #expect(found.line == 3 && found.column == 4)
        #expect(found.description.hasPrefix("latin.txt:3:4: not valid UTF-8 (byte 0xE9 at offset 10)"))

        let options = ArticleReader.Options(fallbackEncoding: ArticleReader.Options.encoding(named: "latin1"))
        let article = try #require(try ArticleReader(options: options).read(data: data, name: "latin.txt").articles.first)
        #expect(article.text == "Title\n\nCafé society.\n")
        // Valid UTF-8 stays UTF-8 even with a fallback.
        let utf8 = try #require(try ArticleReader(options: options).read(data: Data("Title\n\nCafé.".utf8), name: "u.txt").articles.first)
        #expect(utf8.text == "Title\n\nCafé.")
    }

    @Test("Binary, empty and whitespace-only files are errors")
    func wholeFileErrors() throws {
        #expect(error(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), name: "image.txt")?.message.hasPrefix("binary file") == true)
        #expect(error(Data(), name: "empty.txt")?.description == "empty.txt: empty file")
        #expect(error(Data(" \n\n\t".utf8))?.message.hasPrefix("empty file") == true)
        #expect(error(Data(), name: "empty.jsonl")?.message == "empty file")
        #expect(error(Data(), name: "empty.html")?.message == "empty file")
    }

    @Test("Paths: missing files, directories, ./ prefixes and extensions")
    func paths() throws {
        #expect(throws: ArticleError(file: "no/such.txt", message: "no such file")) {
            try ArticleReader().read(path: "no/such.txt")
        }
        #expect(throws: ArticleError.self) { try ArticleReader().read(path: ArticleFixtures.articles.path) }
        #expect(ArticleReader.identifier(forPath: "./a/b.txt") == "a/b.txt")
        #expect(InputFormat(pathExtension: "HTM") == .html)
        #expect(InputFormat(pathExtension: "ndjson") == .jsonl)
        #expect(InputFormat(pathExtension: "md") == .text)
        #expect(InputFormat(pathExtension: "pdf") == nil)
        #expect(InputFormat(sniffing: Data("\u{FEFF}  <html>".utf8)) == .html)
        // An explicit format wins over the extension.
        let options = ArticleReader.Options(format: .text)
        let batch = try ArticleReader(options: options).read(path: ArticleFixtures.fixture("sample-page.html"))
        #expect(batch.articles.first?.text.hasPrefix("<!DOCTYPE html>") == true)
    }
}
