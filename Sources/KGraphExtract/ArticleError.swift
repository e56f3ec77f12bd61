/// A problem reading an article file, as one line a person can act on.
///
/// It names the file, then where in it (a line and column, or the article's
/// identifier), then what was wrong: `feed.jsonl:12: missing "text"`.
/// The library never prints it; the command line decides what to do with it.
public struct ArticleError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file as the user named it (`<stdin>` for standard input).
    public var file: String
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// The 1-based column (in bytes for encoding errors), when known.
    public var column: Int?
    /// The article's identifier, when the problem is one article's.
    public var articleID: String?
    /// What was wrong, and when it helps, what to do.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, articleID: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.articleID = articleID
        self.message = message
    }

    /// `file:line:column: message` or `file: article "id": message`, always one line.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let articleID { location += ": article \"\(articleID)\"" }
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(location): \(oneLine)"
    }
}
