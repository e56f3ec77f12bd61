import Foundation
import KGraphXML

/// HTML pages saved from a browser, read through libxml2's HTML parser.
///
/// The article's `text` is derived from the page: the title, a blank line,
/// then the paragraphs, each followed by a blank line but the last
/// (`title + "\n\n" + paragraphs.joined(separator: "\n\n")`). Every offset,
/// `bodyRanges` included, points into that derived text, never into the
/// page's markup. Inside a paragraph entities are decoded and runs of
/// whitespace become one space.
///
/// - Title: `og:title`, else JSON-LD `headline`, else the first `<h1>`, else
///   `<title>` without a trailing ` | Site` part.
/// - Date: `article:published_time`, `itemprop=datePublished`, JSON-LD
///   `datePublished`, the `date`/`pubdate`/`publishdate`/`dc.date…` metas,
///   `<time pubdate>` or the article's first `<time datetime>`; only when none
///   is given, the modification date.
/// - Author: `meta name=author`, `article:author` (unless it is a link),
///   JSON-LD `author`, `itemprop=author`, `rel=author`.
/// - URL: `<link rel=canonical>`, else `og:url`, else JSON-LD `url`.
/// - Paragraphs come from `[itemprop=articleBody]`, else the `<article>`
///   with the most paragraph text, else `<main>`, else `<body>`. Left out:
///   scripts, styles, navigation, headers, footers, asides, forms, figures and
///   their captions, frames, hidden elements, and elements whose class or id
///   marks them as page furniture (`nav`, `menu`, `footer`, `sidebar`,
///   `share`, `related`, `comments`, `ad`, `advert…`, `newsletter`, `byline`…).
extension ArticleReader {
    func readHTML(_ data: Data, id: String) throws(ArticleError) -> Article {
        let document: HTMLDocument
        do {
            let (bytes, encoding) = try htmlBytes(data, source: id)
            document = try HTMLDocument(data: bytes, encoding: encoding, sourceName: id)
        } catch let error as ArticleError {
            throw error
        } catch {
            throw ArticleError(file: id, message: "not readable as HTML (\(error))")
        }
        let page = HTMLPage(document: document, numericOrder: options.numericDateOrder)
        guard page.title != nil || !page.paragraphs.isEmpty else {
            throw ArticleError(file: id, message: "no article text found in the HTML page")
        }
        var text = ""
        var ranges: [Range<Int>] = []
        var offset = 0
        for piece in (page.title.map { [$0] } ?? []) + page.paragraphs {
            if !text.isEmpty {
                text += "\n\n"
                offset += 2
            }
            let length = piece.unicodeScalars.count
            text += piece
            ranges.append(offset..<(offset + length))
            offset += length
        }
        return Article(
            id: id, text: text, title: page.title, date: page.date?.description, author: page.author, url: page.url,
            bodyRanges: ranges, source: id)
    }

    /// The bytes to hand libxml2 and their encoding, by the rules of ``TextDecoding``, with one
    /// addition: a page that is not UTF-8 but names its charset in a `<meta>` is decoded by libxml2 from that charset.
    private func htmlBytes(_ data: Data, source: String) throws(ArticleError) -> (Data, String?) {
        if data.isEmpty { throw ArticleError(file: source, message: "empty file") }
        if let (_, name, _) = TextDecoding.unicodeByteOrderMark(data), name != "UTF-8" {
            return (Data(try TextDecoding.decode(data, source: source, fallback: nil).utf8), "UTF-8")
        }
        let body = data.starts(with: TextDecoding.utf8ByteOrderMark) ? data.dropFirst(3) : data[...]
        try TextDecoding.rejectBinary(body, source: source)
        guard TextDecoding.firstInvalidUTF8Offset(body) != nil else { return (Data(body), "UTF-8") }
        if let fallback = options.fallbackEncoding {
            guard let text = String(data: body, encoding: fallback) else {
                throw ArticleError(file: source, message: "neither UTF-8 nor \(fallback)")
            }
            return (Data(text.utf8), "UTF-8")
        }
        if let charset = Self.declaredCharset(body), !charset.hasPrefix("utf") {
            return (Data(body), nil)
        }
        throw TextDecoding.invalidUTF8Error(body, source: source)
    }

    /// The `charset=` a page declares in its first 4 KB, lowercase.
    static func declaredCharset(_ data: Data.SubSequence) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        guard let found = head.range(of: "charset=") else { return nil }
        let name = head[found.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}

/// What kgraph reads from one HTML page.
struct HTMLPage {
    var title: String?
    var date: ArticleDate?
    var author: String?
    var url: String?
    var paragraphs: [String] = []

    init(document: HTMLDocument, numericOrder: ArticleDate.NumericOrder) {
        guard let root = document.root else { return }
        let facts = PageFacts(root: root)
        let content = Self.contentRoot(facts: facts, root: root)

        let contentHeading = facts.headings.first { content.contains($0) } ?? facts.headings.first
        title = [facts.meta["og:title"], facts.meta["twitter:title"], facts.linkedData.headline, contentHeading?.text]
            .lazy.compactMap { $0.map(HTMLText.collapsed) }.first { !$0.isEmpty }
            ?? facts.title.map { HTMLText.withoutSiteName(HTMLText.collapsed($0), siteName: facts.meta["og:site_name"]) }
        if title?.isEmpty == true { title = nil }

        let contentTime = facts.times.first { content.contains($0.node) }?.value
        let published: [String?] = [
            facts.meta["article:published_time"], facts.meta["og:published_time"], facts.meta["og:article:published_time"],
            facts.itemDatePublished, facts.linkedData.datePublished, facts.meta["date"], facts.meta["pubdate"],
            facts.meta["publishdate"], facts.meta["publish-date"], facts.meta["publish_date"],
            facts.meta["published_time"], facts.meta["publication_date"], facts.meta["dc.date"],
            facts.meta["dc.date.issued"], facts.meta["dcterms.date"], facts.meta["dcterms.issued"],
            facts.meta["dcterms.created"], facts.meta["sailthru.date"], facts.meta["parsely-pub-date"],
            facts.meta["citation_publication_date"], facts.publishedTime, contentTime ?? facts.times.first?.value,
            facts.meta["article:modified_time"], facts.meta["og:updated_time"], facts.linkedData.dateModified,
            facts.meta["dc.date.modified"], facts.meta["last-modified"],
        ]
        date = published.lazy.compactMap { $0 }.compactMap { ArticleDate(parsing: $0, order: numericOrder) }.first

        let authors: [String?] = [
            facts.meta["author"], facts.meta["article:author"], facts.meta["dc.creator"], facts.meta["byl"],
            facts.meta["parsely-author"], facts.meta["sailthru.author"], facts.linkedData.author, facts.itemAuthor,
            facts.relAuthor,
        ]
        author = authors.lazy.compactMap { $0 }.map(HTMLText.collapsed)
            .filter { !$0.isEmpty && !$0.hasPrefix("http://") && !$0.hasPrefix("https://") }
            .map { TextPatterns.byline(Substring($0)) ?? $0 }.first

        url = [facts.canonical, facts.meta["og:url"], facts.linkedData.url].lazy.compactMap { $0 }
            .map(HTMLText.collapsed).first { !$0.isEmpty }

        var found = ParagraphCollector.paragraphs(in: content, filteringByName: true)
        if found.isEmpty { found = ParagraphCollector.paragraphs(in: content, filteringByName: false) }
        if found.isEmpty, let body = facts.body, body != content {
            found = ParagraphCollector.paragraphs(in: body, filteringByName: false)
        }
        // The heading is the title; it is not a paragraph too.
        if let title, let index = found.firstIndex(of: title) { found.remove(at: index) }
        paragraphs = found
    }

    /// The element holding the article: `[itemprop=articleBody]`, the richest `<article>`, `<main>`, or `<body>`.
    private static func contentRoot(facts: PageFacts, root: HTMLNode) -> HTMLNode {
        if let body = facts.articleBodies.first { return body }
        if facts.articles.count == 1 { return facts.articles[0] }
        if let richest = facts.articles.max(by: { paragraphLength($0) < paragraphLength($1) }) { return richest }
        return facts.mains.first ?? facts.body ?? root
    }

    private static func paragraphLength(_ node: HTMLNode) -> Int {
        var length = 0
        node.walk { child in
            if child.kind == .element && child.name == "p" {
                length += child.text.utf8.count
                return false
            }
            return true
        }
        return length
    }
}

/// Everything a page says about itself, gathered in one walk.
private struct PageFacts {
    var meta: [String: String] = [:]
    var title: String?
    var headings: [HTMLNode] = []
    var canonical: String?
    var relAuthor: String?
    var itemAuthor: String?
    var itemDatePublished: String?
    var publishedTime: String?
    var times: [(node: HTMLNode, value: String)] = []
    var articleBodies: [HTMLNode] = []
    var articles: [HTMLNode] = []
    var mains: [HTMLNode] = []
    var body: HTMLNode?
    var linkedData = LinkedData()

    init(root: HTMLNode) {
        root.walk { node in
            guard node.kind == .element else { return false }
            let name = node.name
            switch name {
            case "meta":
                guard let content = node.attribute("content") else { break }
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let value = node.attribute(key)?.lowercased(), !value.isEmpty, meta[value] == nil { meta[value] = content }
                }
                if node.attribute("itemprop") == "datePublished" { itemDatePublished = itemDatePublished ?? content }
                if node.attribute("itemprop") == "author" { itemAuthor = itemAuthor ?? content }
                return false
            case "link":
                let relations = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
                if relations.contains("canonical") { canonical = canonical ?? node.attribute("href") }
                return false
            case "title":
                if title == nil { title = node.text }
                return false
            case "script":
                if node.attribute("type")?.lowercased() == "application/ld+json" { linkedData.read(node.text) }
                return false
            case "style", "noscript", "template":
                return false
            case "h1":
                headings.append(node)
            case "time":
                if let value = node.attribute("datetime") ?? Optional(node.text) {
                    if node.attribute("pubdate") != nil || node.attribute("itemprop") == "datePublished" {
                        publishedTime = publishedTime ?? value
                    }
                    times.append((node, value))
                }
            case "article": articles.append(node)
            case "main": mains.append(node)
            case "body": body = body ?? node
            default: break
            }
            if node.attribute("role") == "main" && name != "main" { mains.append(node) }
            if let property = node.attribute("itemprop") {
                switch property {
                case "articleBody": articleBodies.append(node)
                case "datePublished":
                    itemDatePublished = itemDatePublished ?? node.attribute("datetime") ?? node.attribute("content") ?? node.text
                case "author":
                    itemAuthor = itemAuthor ?? node.attribute("content") ?? Self.itemName(node) ?? node.text
                default: break
                }
            }
            if relAuthor == nil, name == "a", (node.attribute("rel") ?? "").lowercased().split(separator: " ").contains("author") {
                relAuthor = node.text
            }
            return true
        }
    }

    /// The text of the `itemprop=name` inside an `itemprop=author` element.
    private static func itemName(_ node: HTMLNode) -> String? {
        var name: String?
        node.walk { child in
            if name == nil, child.kind == .element, child.attribute("itemprop") == "name" {
                name = child.attribute("content") ?? child.text
            }
            return name == nil
        }
        return name
    }
}

/// The first schema.org article described in a page's JSON-LD scripts.
private struct LinkedData {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var author: String?
    var url: String?

    mutating func read(_ json: String) {
        guard datePublished == nil,
            let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        else { return }
        guard let article = Self.firstArticle(in: value, depth: 0) else { return }
        headline = article["headline"] as? String
        datePublished = article["datePublished"] as? String
        dateModified = article["dateModified"] as? String
        author = Self.names(article["author"])
        url = article["url"] as? String
    }

    private static func firstArticle(in value: Any, depth: Int) -> [String: Any]? {
        guard depth < 8 else { return nil }
        if let object = value as? [String: Any] {
            if object["datePublished"] != nil || object["headline"] != nil || isArticle(object["@type"]) { return object }
            for key in ["@graph", "mainEntity", "itemListElement"] {
                if let inner = object[key], let found = firstArticle(in: inner, depth: depth + 1) { return found }
            }
        } else if let array = value as? [Any] {
            for element in array {
                if let found = firstArticle(in: element, depth: depth + 1) { return found }
            }
        }
        return nil
    }

    /// `NewsArticle`, `Article`, `BlogPosting`, … (a type may be one name or several).
    private static func isArticle(_ type: Any?) -> Bool {
        let names = (type as? String).map { [$0] } ?? (type as? [Any])?.compactMap { $0 as? String } ?? []
        return names.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "LiveBlogPosting" || $0 == "Report" }
    }

    private static func names(_ value: Any?) -> String? {
        if let name = value as? String { return name }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let array = value as? [Any] {
            let all = array.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }
}

/// Paragraph text from an element tree: block elements break paragraphs, furniture is skipped.
private struct ParagraphCollector {
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "frame",
        "frameset", "button", "select", "option", "textarea", "input", "label", "svg", "math", "canvas", "figure",
        "figcaption", "object", "embed", "video", "audio", "picture", "img", "map", "dialog", "menu", "head",
        "title", "meta", "link",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "h1",
        "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th", "caption", "address", "hr",
        "center", "details", "summary", "body", "html",
    ]
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert",
    ]
    /// Class or id words that mark page furniture.
    static let furnitureWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "share", "sharing", "shares", "social",
        "related", "comments", "comment", "advert", "advertisement", "advertising", "ads", "ad", "adv", "adslot",
        "adunit", "adsense", "sponsored", "promo", "newsletter", "subscribe", "subscription", "breadcrumb",
        "breadcrumbs", "cookie", "cookies", "popup", "modal", "widget", "skip", "outbrain", "taboola",
        "recommended", "recirculation", "masthead", "byline", "author", "tags", "toolbar", "caption", "credit",
        "disclaimer", "hidden", "paywall", "signup", "trending", "most-read", "mostread",
    ]
    static let furniturePrefixes = ["related", "sidebar", "advert", "newsletter", "social", "breadcrumb", "footer", "navbar"]

    var paragraphs: [String] = []
    var current = ""
    var pendingSpace = false
    let filteringByName: Bool

    static func paragraphs(in root: HTMLNode, filteringByName: Bool) -> [String] {
        var collector = ParagraphCollector(filteringByName: filteringByName)
        collector.collect(root, isRoot: true, depth: 0)
        collector.flush()
        return collector.paragraphs
    }

    private init(filteringByName: Bool) {
        self.filteringByName = filteringByName
    }

    private mutating func collect(_ node: HTMLNode, isRoot: Bool, depth: Int) {
        switch node.kind {
        case .text:
            append(node.text)
        case .other:
            return
        case .element:
            let name = node.name
            guard !Self.skippedElements.contains(name), depth < 512 else { return }
            if name == "br" {
                flush()
                return
            }
            if !isRoot && isFurniture(node) { return }
            let isBlock = Self.blockElements.contains(name)
            if isBlock { flush() }
            var child = node.firstChild
            while let current = child {
                collect(current, isRoot: false, depth: depth + 1)
                child = current.nextSibling
            }
            if isBlock { flush() }
        }
    }

    private func isFurniture(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style"), style.lowercased().filter({ $0 != " " }).contains("display:none") {
            return true
        }
        if let role = node.attribute("role")?.lowercased(), Self.furnitureRoles.contains(role) { return true }
        guard filteringByName else { return false }
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute)?.lowercased() else { continue }
            for word in value.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                if Self.furnitureWords.contains(String(word)) { return true }
                if Self.furniturePrefixes.contains(where: { word.hasPrefix($0) }) { return true }
            }
        }
        return false
    }

    private mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if TextLine.isSpace(scalar) || scalar == "\n" || scalar == "\r" {
                pendingSpace = !current.isEmpty
            } else {
                if pendingSpace {
                    current.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                current.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func flush() {
        if !current.isEmpty && !TextPatterns.isFurniture(Substring(current)) { paragraphs.append(current) }
        current = ""
        pendingSpace = false
    }
}

/// Small text helpers for values taken from HTML.
enum HTMLText {
    /// The text with runs of whitespace made one space, and none at either end.
    static func collapsed(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if TextLine.isSpace(scalar) || scalar == "\n" || scalar == "\r" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `Headline | Site` or `Headline - Site` without the site part (when it is
    /// the page's `og:site_name` or at most four words).
    static func withoutSiteName(_ title: String, siteName: String?) -> String {
        for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let site = title[range.upperBound...]
            let isSite = siteName.map { site.caseInsensitiveCompare($0) == .orderedSame } ?? false
            if isSite || site.split(separator: " ").count <= 4, range.lowerBound > title.startIndex {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }
}

extension HTMLNode {
    /// Whether `other` is this node or inside it.
    func contains(_ other: HTMLNode) -> Bool {
        var node: HTMLNode? = other
        while let current = node {
            if current == self { return true }
            node = current.parent
        }
        return false
    }
}
