/// One news article as kgraph reads it: its text and what is known about it.
///
/// `text` is exactly what was read (for HTML, the text kgraph extracted from
/// the page); every offset kgraph reports counts Unicode code points into it,
/// end exclusive, as Python string indices do.
public struct Article: Sendable, Hashable {
    /// A stable identifier: the JSON Lines `id`, or the file's path as given
    /// (without a leading `./`).
    public var id: String
    public var text: String
    public var title: String?
    /// Publication date, `yyyy-mm-dd`, when the article states one.
    public var date: String?
    public var author: String?
    public var url: String?
    /// The code-point ranges of `text` that extraction reads: the headline and
    /// the body paragraphs. Mastheads, datelines, bylines and page furniture
    /// are left out. Empty means all of `text`.
    public var bodyRanges: [Range<Int>]
    /// Where the article came from, for messages: a path, or `path:line` for JSON Lines.
    public var source: String

    public init(
        id: String, text: String, title: String? = nil, date: String? = nil, author: String? = nil,
        url: String? = nil, bodyRanges: [Range<Int>] = [], source: String? = nil
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.author = author
        self.url = url
        self.bodyRanges = bodyRanges
        self.source = source ?? id
    }
}
