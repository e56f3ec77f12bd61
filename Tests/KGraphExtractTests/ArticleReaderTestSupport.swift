import Foundation
import Testing
@testable import KGraphExtract

/// Paths and helpers shared by the article reader tests.
enum ArticleFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let articles = testsFolder.appendingPathComponent("Fixtures/articles")
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// The seed article: from `examples/` when the project ships it there, else from `../shared`.
    static let seed: URL? = [
        repository.appendingPathComponent("examples/russia-north-korea-bank-account.txt"),
        shared.appendingPathComponent("corpus/seed/russia-north-korea-bank-account.txt"),
    ].first { FileManager.default.fileExists(atPath: $0.path) }

    static let bbc: URL? = {
        let folder = shared.appendingPathComponent("corpus/bbc")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    static func fixture(_ name: String) -> String {
        articles.appendingPathComponent(name).path
    }

    static func read(_ text: String, name: String = "sample.txt", format: InputFormat = .text) throws -> Article {
        let batch = try ArticleReader().read(data: Data(text.utf8), name: name, format: format)
        return try #require(batch.articles.first)
    }
}

extension String {
    /// The text of a code-point range, as Python's `text[start:end]`.
    func codePoints(_ range: Range<Int>) -> String {
        let scalars = unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        return String(scalars[start..<end])
    }
}

extension Article {
    /// The headline and paragraphs as `bodyRanges` cut them.
    var bodyTexts: [String] { bodyRanges.map { text.codePoints($0) } }
}
