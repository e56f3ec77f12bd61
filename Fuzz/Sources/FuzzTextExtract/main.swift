import Foundation
import FuzzSupport
import KGraphExtract

/// The plain-text article reader and the whole extraction: sentences,
/// recognition, relations. Every mention must lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = inputData(bytes, count)
    guard let batch = try? ArticleReader().read(data: data, name: "fuzz.txt", format: .text) else { return 0 }
    for article in batch.articles {
        checkArticle(article)
        extractAndCheck(article)
    }
    return 0
}
