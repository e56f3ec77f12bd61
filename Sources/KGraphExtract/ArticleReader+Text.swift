/// Plain-text pages: masthead, headline, date line, byline, paragraphs.
extension ArticleReader {
    /// Reads a plain-text page; `text` is kept exactly as given.
    ///
    /// - Throws: ``ArticleError`` when the file holds nothing but whitespace.
    /// - Complexity: O(*n*) in the length of `text`; each line is looked at a bounded number of times.
    func readText(_ text: String, id: String) throws(ArticleError) -> Article {
        let lines = TextLine.split(text)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw ArticleError(file: id, message: "empty file (only whitespace)")
        }
        let layout = TextLayout(lines: lines, numericOrder: options.numericDateOrder)
        var bodyRanges: [Range<Int>] = []
        if let headline = layout.headline { bodyRanges.append(headline.range) }
        bodyRanges += layout.paragraphs
        return Article(
            id: id, text: text, title: layout.headline.map { String($0.content) },
            date: layout.date?.description, author: layout.author, bodyRanges: bodyRanges, source: id)
    }
}

/// One line of a text file: its content without surrounding whitespace, and
/// where that content lies in code points.
struct TextLine {
    var content: Substring
    /// Code-point offsets of `content` in the whole text, end exclusive.
    var range: Range<Int>

    var isBlank: Bool { content.isEmpty }

    /// Splits text at `\n`, `\r\n`, `\r`, U+2028 and U+2029, in one pass, counting code points as it goes.
    static func split(_ text: String) -> [TextLine] {
        var lines: [TextLine] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        var contentStart: (index: String.Index, offset: Int)?
        var contentEnd = (index: index, offset: 0)
        var lineStarted = false

        func endLine(at lineEnd: String.Index, offset lineEndOffset: Int) {
            if let start = contentStart {
                lines.append(TextLine(content: text[start.index..<contentEnd.index], range: start.offset..<contentEnd.offset))
            } else {
                lines.append(TextLine(content: text[lineEnd..<lineEnd], range: lineEndOffset..<lineEndOffset))
            }
            contentStart = nil
            lineStarted = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            switch scalar.value {
            case 0x0A, 0x2028, 0x2029:
                endLine(at: index, offset: offset)
            case 0x0D:
                // `\r\n` ends the line at `\n`; a lone `\r` ends it here.
                if next == scalars.endIndex || scalars[next] != "\n" { endLine(at: index, offset: offset) }
            default:
                lineStarted = true
                if !isSpace(scalar) {
                    if contentStart == nil { contentStart = (index, offset) }
                    contentEnd = (next, offset + 1)
                }
            }
            offset += 1
            index = next
        }
        if lineStarted { endLine(at: index, offset: offset) }
        return lines
    }

    /// Whitespace to trim: Unicode's, plus the zero-width space and a stray byte-order mark.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" || scalar.value == 0x0B || scalar.value == 0x0C }
        return scalar.properties.isWhitespace || scalar.value == 0x200B || scalar.value == 0xFEFF
    }
}

/// What the lines of a text page are: masthead, headline, date and byline lines, paragraphs.
struct TextLayout {
    var headline: TextLine?
    var date: ArticleDate?
    var author: String?
    /// Code-point ranges of the paragraphs, each a run of non-blank lines without furniture.
    var paragraphs: [Range<Int>] = []

    /// How many date, byline or furniture lines may sit between the headline and the body.
    static let maximumMetadataLines = 8

    init(lines: [TextLine], numericOrder: ArticleDate.NumericOrder) {
        var index = 0
        var dateAboveHeadline: ArticleDate?
        // The masthead: credits, furniture and the site's own date above the headline.
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || TextPatterns.isStaffCredit(line.content) || TextPatterns.isFurniture(line.content) {
                index += 1
            } else if let meta = MetadataLine(line.content, allowsBareName: false, numericOrder: numericOrder),
                meta.author == nil
            {
                dateAboveHeadline = dateAboveHeadline ?? meta.date ?? meta.updated
                index += 1
            } else {
                break
            }
        }
        guard index < lines.count else { return }

        var bodyStart = index
        var updated: ArticleDate?
        if !TextPatterns.readsLikeParagraph(lines[index].content) {
            headline = Self.withoutMarkdownHeading(lines[index])
            bodyStart = index + 1
            // Date, byline and furniture lines under the headline.
            var previousHadDate = false
            var seen = 0
            var next = index + 1
            while next < lines.count, seen < Self.maximumMetadataLines {
                if lines[next].isBlank {
                    next += 1
                    continue
                }
                guard let meta = MetadataLine(lines[next].content, allowsBareName: true, numericOrder: numericOrder)
                else { break }
                if meta.isBareName && !previousHadDate
                    && !Self.nextLineHasDate(after: next, in: lines, numericOrder: numericOrder)
                {
                    break
                }
                date = date ?? meta.date
                updated = updated ?? meta.updated
                author = author ?? meta.author
                previousHadDate = meta.date != nil || meta.updated != nil
                seen += 1
                next += 1
                bodyStart = next
            }
        }
        date = date ?? dateAboveHeadline ?? updated
        paragraphs = Self.paragraphs(in: lines[bodyStart...])
    }

    private static func nextLineHasDate(after index: Int, in lines: [TextLine], numericOrder: ArticleDate.NumericOrder)
        -> Bool
    {
        guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }),
            let meta = MetadataLine(next.content, allowsBareName: false, numericOrder: numericOrder)
        else { return false }
        return meta.date != nil || meta.updated != nil
    }

    /// Runs of non-blank lines; a furniture or staff-credit line on its own ends a run and is left out.
    private static func paragraphs(in lines: ArraySlice<TextLine>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var current: Range<Int>?
        for line in lines {
            if line.isBlank || TextPatterns.isFurniture(line.content) || TextPatterns.isStaffCredit(line.content) {
                if let run = current { ranges.append(run) }
                current = nil
            } else if let run = current {
                current = run.lowerBound..<line.range.upperBound
            } else {
                current = line.range
            }
        }
        if let run = current { ranges.append(run) }
        return ranges
    }

    /// A Markdown heading's text, without its `#` marks.
    private static func withoutMarkdownHeading(_ line: TextLine) -> TextLine {
        guard line.content.hasPrefix("#") else { return line }
        let marks = line.content.unicodeScalars.prefix { $0 == "#" }.count
        let rest = line.content.unicodeScalars.dropFirst(marks)
        let spaces = rest.prefix { TextLine.isSpace($0) }.count
        guard spaces > 0 || marks == line.content.unicodeScalars.count, rest.count > spaces else { return line }
        let start = line.content.unicodeScalars.index(line.content.startIndex, offsetBy: marks + spaces)
        return TextLine(content: line.content[start...], range: (line.range.lowerBound + marks + spaces)..<line.range.upperBound)
    }
}
