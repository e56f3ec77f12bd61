import Foundation
import KGraphXML
import Testing
@testable import KGraphExtract

@Suite("HTML articles")
struct ArticleReaderHTMLTests {
    @Test("The sample page: metadata from meta tags, paragraphs without page furniture")
    func samplePage() throws {
        let path = ArticleFixtures.fixture("sample-page.html")
        let article = try #require(try ArticleReader().read(path: path).articles.first)
        #expect(article.title == "Harbour Council Approves Tidal Barrier & Sea Wall")
        #expect(article.date == "2024-03-05")
        #expect(article.author == "Mira Castellanos")
        #expect(article.url == "https://gazette.example/news/tidal-barrier?ref=canonical")
        let paragraphs = [
            "The Harbour Council voted on Tuesday to build a tidal barrier, ending a debate that has run since 2019.",
            "\u{201C}We can\u{2019}t wait for the next storm,\u{201D} said Councillor Ana Reyes of the Coastal Party. 🌊",
            "Costs & funding",
            "The barrier will cost 40 million, paid by the city",
            "and by a regional fund.",
        ]
        #expect(article.text == ([article.title!] + paragraphs).joined(separator: "\n\n"))
        #expect(article.bodyTexts == [article.title!] + paragraphs)
        for noise in ["Home", "Share", "Advertisement", "Related", "Hidden", "script", "JavaScript", "reader", "©", "Photo", "News >"] {
            #expect(!article.text.contains(noise), "\(noise)")
        }
    }

    @Test("Title, date and author fall back along the documented order")
    func fallbacks() throws {
        let html = """
            <html><head><title>Ferry strike ends - Harbour Daily</title>
            <meta name="DC.date.issued" content="07/02/2024">
            <script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
              {"@type": "NewsArticle", "author": [{"name": "A. Writer"}, {"name": "B. Writer"}], "url": "https://example.org/x"}]}</script>
            </head><body><div id="nav-menu"><p>Menu</p></div>
            <div itemprop="articleBody"><p>Strikers   went back
            to work.</p><p>Talks went on.</p></div></body></html>
            """
        let article = try ArticleFixtures.read(html, name: "./page.html", format: .html)
        #expect(article.id == "page.html")
        #expect(article.title == "Ferry strike ends")
        #expect(article.date == "2024-02-07")
        #expect(article.author == "A. Writer, B. Writer")
        #expect(article.url == "https://example.org/x")
        #expect(article.text == "Ferry strike ends\n\nStrikers went back to work.\n\nTalks went on.")
        #expect(article.bodyRanges == [0..<17, 19..<46, 48..<62])
    }

    @Test("A page without paragraphs, and one with no text at all")
    func barePages() throws {
        let article = try ArticleFixtures.read("<p>Just one line &amp; more</p>", name: "bare.html", format: .html)
        #expect(article.title == nil)
        #expect(article.text == "Just one line & more")
        #expect(article.bodyRanges == [0..<20])
        #expect(throws: ArticleError.self) {
            try ArticleReader().read(data: Data("<html><script>x</script></html>".utf8), name: "empty.html", format: .html)
        }
    }

    @Test("A page in Latin-1 that declares its charset is decoded by libxml2")
    func declaredCharset() throws {
        var bytes = Data("<html><head><meta charset=\"iso-8859-1\"><title>Caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("</title></head><body><p>Na".utf8))
        bytes.append(0xEF)
        bytes.append(contentsOf: Data("ve text.</p></body></html>".utf8))
        let article = try #require(try ArticleReader().read(data: bytes, name: "latin1.html", format: .html).articles.first)
        #expect(article.title == "Café")
        #expect(article.text == "Café\n\nNaïve text.")
    }

    @Test("HTMLDocument walks elements, attributes and text")
    func documentAPI() throws {
        let document = try HTMLDocument(data: Data("<div id=a class='x y'>one <b>two</b><!-- c --> three</div>".utf8))
        let division = try #require(document.elements(named: "div").first)
        #expect(division.attribute("ID") == "a")
        #expect(division.attributes.map(\.name) == ["id", "class"])
        #expect(division.text == "one two three")
        #expect(division.children.map(\.kind) == [.text, .element, .other, .text])
        #expect(division.children[1].name == "b")
        #expect(division.children[1].parent == division)
        #expect(document.root?.name == "html")
    }
}
