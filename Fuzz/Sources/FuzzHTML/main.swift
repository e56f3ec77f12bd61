import Foundation
import FuzzSupport
import KGraphExtract

/// The HTML article reader (libxml2's HTML parser plus kgraph's page reading).
///
/// Errors are fine (an empty page, a page with no text); crashes, hangs and
/// offsets outside the derived text are not. The article then goes through
/// extraction, as `kgraph extract page.html` would send it.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = inputData(bytes, count)
    guard let batch = try? ArticleReader().read(data: data, name: "fuzz.html", format: .html) else { return 0 }
    for article in batch.articles {
        checkArticle(article)
        extractAndCheck(article)
    }
    return 0
}
