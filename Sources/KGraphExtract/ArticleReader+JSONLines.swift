import Foundation

/// JSON Lines: one article a line, `{"id", "text", "title"?, "date"?, "url"?, "author"?}`.
///
/// `text` is the JSON string exactly (escapes decoded), and offsets count its
/// code points; `bodyRanges` is empty, meaning all of it. Blank lines are
/// skipped. A line is either read whole or reported in ``ArticleBatch/errors``
/// as `file:LINE: what is wrong`, and the other lines are still read. A line
/// is bad when it is not UTF-8, not JSON, not an object, has no `id` (a
/// non-empty string or an integer), no `text` string, a `title`, `date`, `url`
/// or `author` that is neither a string nor `null`, or an `id` an earlier line
/// already had. Other members are ignored. A `date` kgraph cannot read (see
/// ``ArticleDate``; e.g. `yesterday`) is left out rather than costing the
/// article, since the text is what matters; a readable one becomes `yyyy-mm-dd`.
extension ArticleReader {
    /// - Complexity: O(*n*) in the size of the file: lines are found with one scan, each parsed once.
    func readJSONLines(_ data: Data, source: String) throws(ArticleError) -> ArticleBatch {
        let bytes = try TextDecoding.utf8Bytes(data, source: source, fallback: options.fallbackEncoding)
        var batch = ArticleBatch()
        var lineOfID: [String: Int] = [:]
        bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            var lineNumber = 0
            while start < bytes.count {
                lineNumber += 1
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                var line = bytes[start..<end]
                start = end + 1
                while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
                let lineStart = line.startIndex
                while let first = line.first, first == 0x20 || first == 0x09 { line = line.dropFirst() }
                if line.isEmpty { continue }
                let indent = line.startIndex - lineStart
                switch readLine(UnsafeBufferPointer(rebasing: line), number: lineNumber, indent: indent, source: source) {
                case .success(let article):
                    if let first = lineOfID[article.id] {
                        batch.errors.append(ArticleError(
                            file: source, line: lineNumber, articleID: article.id,
                            message: "duplicate id (first on line \(first))"))
                    } else {
                        lineOfID[article.id] = lineNumber
                        batch.articles.append(article)
                    }
                case .failure(let error):
                    batch.errors.append(error)
                }
            }
        }
        if batch.articles.isEmpty && batch.errors.isEmpty {
            throw ArticleError(file: source, message: "empty file (only blank lines)")
        }
        return batch
    }

    /// Reads one line; `indent` is how many blanks were trimmed from its start, for columns.
    private func readLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, indent: Int, source: String)
        -> Result<Article, ArticleError>
    {
        func failure(_ message: String, column: Int? = nil, id: String? = nil) -> Result<Article, ArticleError> {
            .failure(ArticleError(file: source, line: number, column: column, articleID: id, message: message))
        }
        if let bad = TextDecoding.firstInvalidUTF8Offset(line) {
            let hex = String(line[bad], radix: 16, uppercase: true)
            return failure("not valid UTF-8 (byte 0x\(hex))", column: indent + bad + 1)
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(buffer: line), options: [.fragmentsAllowed])
        } catch {
            return failure("not valid JSON\(Self.reason(error))")
        }
        guard let object = value as? [String: Any] else {
            return failure("expected a JSON object {\"id\": …, \"text\": …}, found \(Self.kind(of: value))")
        }
        let id: String
        switch object["id"] {
        case nil, is NSNull: return failure("missing \"id\"")
        case let text as String where !text.isEmpty: id = text
        case is String: return failure("\"id\" is empty")
        case is Bool: return failure("\"id\" is a boolean; use a string")
        case let number as Int: id = String(number)
        case let other?: return failure("\"id\" is \(Self.kind(of: other)); use a string")
        }
        guard let textValue = object["text"], !(textValue is NSNull) else { return failure("missing \"text\"", id: id) }
        guard let text = textValue as? String else {
            return failure("\"text\" is \(Self.kind(of: textValue)), not a string", id: id)
        }
        // One news article is kilobytes; a record of many megabytes is a dump, not an article,
        // and would only slow the run (the same limit as for a whole .txt or .html file).
        if text.utf8.count > ArticleReader.maximumArticleBytes {
            return failure("\"text\" is \(text.utf8.count >> 20) MB, too large for one article (the limit is \(ArticleReader.maximumArticleBytes >> 20) MB)", id: id)
        }
        var fields: [String: String] = [:]
        for key in ["title", "date", "url", "author"] {
            switch object[key] {
            case nil, is NSNull: continue
            case let value as String: fields[key] = value
            case let other?: return failure("\"\(key)\" is \(Self.kind(of: other)), not a string", id: id)
            }
        }
        let date = fields["date"].flatMap { ArticleDate(parsing: $0, order: options.numericDateOrder) }
        return .success(Article(
            id: id, text: text, title: fields["title"], date: date?.description, author: fields["author"],
            url: fields["url"], bodyRanges: [], source: "\(source):\(number)"))
    }

    /// Foundation's explanation of a JSON error, on one line, when it gives one.
    private static func reason(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        guard let detail = (info[NSDebugDescriptionErrorKey] as? String) ?? (info["NSDebugDescription"] as? String),
            !detail.isEmpty
        else { return "" }
        return " (" + detail.split(whereSeparator: \.isNewline).joined(separator: " ") + ")"
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is Bool: return "a boolean"
        case is Int, is Double, is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "\(type(of: value))"
        }
    }
}
