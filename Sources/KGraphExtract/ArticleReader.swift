import Foundation

/// The kinds of file kgraph reads articles from.
public enum InputFormat: String, Sendable, CaseIterable {
    /// A page saved as plain text: optional masthead, headline, date line, byline, paragraphs.
    case text
    /// A page saved from a browser.
    case html
    /// JSON Lines: one `{"id", "text", …}` object a line.
    case jsonl

    /// The format a file's extension names: `.txt`, `.text`, `.md` are text;
    /// `.html`, `.htm`, `.xhtml` are HTML; `.jsonl`, `.ndjson`, `.json` are JSON Lines.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text", "md", "markdown": self = .text
        case "html", "htm", "xhtml", "shtml": self = .html
        case "jsonl", "ndjson", "json", "jsonlines": self = .jsonl
        default: return nil
        }
    }

    /// The format a file's first bytes suggest, for standard input and unknown
    /// extensions: `{` starts JSON Lines, `<` starts HTML, anything else is text.
    public init(sniffing data: Data) {
        let start = data.starts(with: TextDecoding.utf8ByteOrderMark) ? data.dropFirst(3) : data[...]
        let first = start.prefix(1024).first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        switch first {
        case UInt8(ascii: "{"): self = .jsonl
        case UInt8(ascii: "<"): self = .html
        default: self = .text
        }
    }
}

/// The articles read from one file, and the problems with the parts that could not be read.
///
/// Plain text and HTML give one article or throw; JSON Lines gives one article
/// per good line and one error per bad line, so that one bad line does not
/// cost the rest of the file.
public struct ArticleBatch: Sendable, Hashable {
    public var articles: [Article]
    /// Lines that were skipped, each naming `file:line` and what is wrong.
    public var errors: [ArticleError]

    public init(articles: [Article] = [], errors: [ArticleError] = []) {
        self.articles = articles
        self.errors = errors
    }
}

/// Reads articles from plain-text pages, HTML pages and JSON Lines files.
///
/// What each reader finds is documented on ``read(data:name:format:)``; how
/// bytes become text (UTF-8, byte-order marks, binary files, the fallback
/// encoding) on ``Options/fallbackEncoding``.
public struct ArticleReader: Sendable {
    public struct Options: Sendable, Hashable {
        /// The format of every file read, or `nil` to go by each file's extension
        /// (and by its first bytes when the extension says nothing, as for standard input).
        public var format: InputFormat?
        /// The encoding for files that are not valid UTF-8, or `nil` to reject them.
        ///
        /// kgraph reads UTF-8 (a leading byte-order mark is dropped, and offsets
        /// count from after it) and UTF-16 or UTF-32 that start with a
        /// byte-order mark. It never guesses: a file that is not valid UTF-8 is
        /// an error naming the line, column and byte offset of the first bad
        /// byte, unless this names the encoding to use instead (see
        /// ``encoding(named:)``). Valid UTF-8 is always read as UTF-8. A NUL
        /// byte in the first 8 KB marks a binary file, an error; so is an empty file.
        public var fallbackEncoding: String.Encoding?
        /// How to read all-numbers dates such as `07/02/2024` in text files.
        public var numericDateOrder: ArticleDate.NumericOrder

        public init(
            format: InputFormat? = nil, fallbackEncoding: String.Encoding? = nil,
            numericDateOrder: ArticleDate.NumericOrder = .dayFirst
        ) {
            self.format = format
            self.fallbackEncoding = fallbackEncoding
            self.numericDateOrder = numericDateOrder
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The name standard input goes by in identifiers and messages.
    public static let standardInputName = "<stdin>"

    /// The largest article text kgraph takes from one JSON Lines record: 8 MB.
    public static let maximumArticleBytes = 8 << 20

    /// Reads one file, or standard input for `-`.
    ///
    /// - Parameter path: The file's path; `-` reads standard input to its end.
    /// - Returns: The file's articles (one for text and HTML, any number for
    ///   JSON Lines) and, for JSON Lines, the lines that could not be read.
    /// - Throws: ``ArticleError`` when the file cannot be read at all: missing,
    ///   a directory, unreadable, empty, binary, not UTF-8, or an HTML page
    ///   with no text.
    public func read(path: String) throws(ArticleError) -> ArticleBatch {
        let name = path == "-" ? Self.standardInputName : Self.identifier(forPath: path)
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = try Self.contents(ofFile: path, name: name)
        }
        let format = options.format ?? InputFormat(pathExtension: (path as NSString).pathExtension)
        return try read(data: data, name: name, format: format)
    }

    /// Reads articles from bytes already in memory.
    ///
    /// - **Text**: `text` is the decoded file, unchanged. The lines above the
    ///   headline that are staff credits or page furniture (`Editor in Chief …`,
    ///   `Share`, `© 2024 …`) are the masthead; the first other line is the
    ///   headline (`title`, with a Markdown `#` left out) unless it reads like a
    ///   paragraph (more than 40 words, or more than 20 ending in a full stop).
    ///   Right under it, lines that are all date, time, byline or furniture are
    ///   read for `date` (see ``ArticleDate``; `Updated …` counts only when no
    ///   other date is given) and `author` (`By Jane Doe`, or a bare name of two
    ///   to four capitalised words next to a date line). Paragraphs are runs of
    ///   non-blank lines. `bodyRanges` covers the headline and each paragraph,
    ///   trimmed; never the masthead, date line, byline or furniture lines.
    /// - **HTML** (through libxml2's HTML parser, no network): `text` is derived
    ///   from the page as the title, a blank line, and the paragraphs joined by
    ///   blank lines, entities decoded and whitespace collapsed; offsets point
    ///   into that derived text. Title, date, author and URL come from the
    ///   usual meta tags, JSON-LD and `<time>`; scripts, styles, navigation,
    ///   headers, footers, asides and furniture are left out (the details are
    ///   in `ArticleReader+HTML.swift`).
    /// - **JSON Lines**: `text` is each line's `"text"` exactly; `bodyRanges` is empty (all of it).
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - name: The file's name as the user gave it: the article `id` for text
    ///     and HTML (without a leading `./`), and the file in every error.
    ///   - format: The format, or `nil` to use ``Options/format`` and then the first bytes.
    /// - Throws: ``ArticleError`` as for ``read(path:)``.
    public func read(data: Data, name: String, format: InputFormat? = nil) throws(ArticleError) -> ArticleBatch {
        let id = Self.identifier(forPath: name)
        switch format ?? options.format ?? InputFormat(sniffing: data) {
        case .text:
            let text = try TextDecoding.decode(data, source: id, fallback: options.fallbackEncoding)
            return ArticleBatch(articles: [try readText(text, id: id)])
        case .html:
            return ArticleBatch(articles: [try readHTML(data, id: id)])
        case .jsonl:
            return try readJSONLines(data, source: id)
        }
    }

    /// A path as an article identifier: without leading `./`.
    static func identifier(forPath path: String) -> String {
        var id = Substring(path)
        while id.hasPrefix("./") && id.count > 2 { id = id.dropFirst(2) }
        return String(id)
    }

    static func contents(ofFile path: String, name: String) throws(ArticleError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ArticleError(file: name, message: "no such file")
        }
        if isDirectory.boolValue { throw ArticleError(file: name, message: "is a directory, not an article file") }
        // The quick way first; the slow one only to learn why it failed.
        if let data = FileManager.default.contents(atPath: path) { return data }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch let error as CocoaError where error.code == .fileReadNoPermission {
            throw ArticleError(file: name, message: "permission denied")
        } catch {
            throw ArticleError(file: name, message: "cannot be read (\(error.localizedDescription))")
        }
    }
}
