import Foundation
import FuzzSupport
import KGraphExtract

/// The JSON Lines reader and extraction of every article it reads.
///
/// Bad lines must come back as errors naming their line, never as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = inputData(bytes, count)
    guard let batch = try? ArticleReader().read(data: data, name: "fuzz.jsonl", format: .jsonl) else { return 0 }
    for error in batch.errors {
        invariant(error.line != nil, "a bad JSON Lines line is reported without its line number: \(error)")
    }
    for article in batch.articles {
        checkArticle(article)
        extractAndCheck(article)
    }
    return 0
}
