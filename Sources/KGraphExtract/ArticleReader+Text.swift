import Foundation

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

    /// Splits text at `\n`, `\r\n` and `\r`, counting code points as it goes.
    ///
    /// Line ends are found with `memchr`; only the edges of each line are
    /// looked at for whitespace, and code points are counted as the bytes that
    /// do not continue a UTF-8 sequence, so a long paragraph costs a byte count.
    /// (U+2028 and U+2029 are whitespace here, not line ends.)
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func split(_ text: String) -> [TextLine] {
        var copy = text
        let spans = copy.withUTF8 { splitSpans($0) }
        // Byte offsets to string indices, moving forward only.
        let utf8 = text.utf8
        var index = utf8.startIndex
        var byteOffset = 0
        func stringIndex(_ offset: Int) -> String.Index {
            index = utf8.index(index, offsetBy: offset - byteOffset)
            byteOffset = offset
            return index
        }
        return spans.map { span in
            let start = stringIndex(span.bytes.lowerBound)
            let end = stringIndex(span.bytes.upperBound)
            return TextLine(content: text[start..<end], range: span.codePoints)
        }
    }

    private static func splitSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [(bytes: Range<Int>, codePoints: Range<Int>)] {
        guard let base = bytes.baseAddress else { return [] }
        var spans: [(bytes: Range<Int>, codePoints: Range<Int>)] = []
        let count = bytes.count
        var lineStart = 0
        var codePoint = 0  // code points before `lineStart`

        func codePoints(_ range: Range<Int>) -> Int {
            var total = 0
            for index in range where bytes[index] & 0xC0 != 0x80 { total += 1 }
            return total
        }

        while lineStart < count {
            // The line runs to the first `\n` or `\r`; `\r\n` counts as one end.
            var lineEnd = count
            if let newline = memchr(base + lineStart, 0x0A, count - lineStart) {
                lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            if let carriageReturn = memchr(base + lineStart, 0x0D, lineEnd - lineStart) {
                lineEnd = base.distance(to: carriageReturn.assumingMemoryBound(to: UInt8.self))
            }
            let contentStart = skipSpace(bytes, from: lineStart, to: lineEnd)
            let contentEnd = contentStart == lineEnd ? lineEnd : skipSpaceBackwards(bytes, from: lineEnd, to: contentStart)
            let before = codePoints(lineStart..<contentStart)
            let inside = codePoints(contentStart..<contentEnd)
            let startPoint = codePoint + before
            spans.append((contentStart..<contentEnd, startPoint..<(startPoint + inside)))
            codePoint = startPoint + inside + codePoints(contentEnd..<lineEnd)
            guard lineEnd < count else { break }
            // Past the line end: `\r\n`, `\r` or `\n`.
            let endLength = bytes[lineEnd] == 0x0D && lineEnd + 1 < count && bytes[lineEnd + 1] == 0x0A ? 2 : 1
            codePoint += endLength
            lineStart = lineEnd + endLength
        }
        return spans
    }

    /// The offset of the first byte at or after `start` that does not begin a space, or `end`.
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C {
                index += 1
            } else if byte >= 0xC2, let length = multibyteSpaceLength(bytes, at: index, end: end) {
                index += length
            } else {
                break
            }
        }
        return index
    }

    /// The offset just past the last byte before `end` that is not part of a space, or `start`.
    private static func skipSpaceBackwards(_ bytes: UnsafeBufferPointer<UInt8>, from end: Int, to start: Int) -> Int {
        var index = end
        while index > start {
            let byte = bytes[index - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C {
                index -= 1
                continue
            }
            guard byte >= 0x80 else { break }
            // Back to the lead byte of this sequence.
            var lead = index - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard multibyteSpaceLength(bytes, at: lead, end: index) == index - lead else { break }
            index = lead
        }
        return index
    }

    /// The length of the whitespace sequence at `index` (one of ``isSpace(_:)``'s non-ASCII ones), or `nil`.
    private static func multibyteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let first = bytes[index]
        let second = index + 1 < end ? bytes[index + 1] : 0
        if first == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : nil }
        guard first >= 0xE1 && first <= 0xEF, index + 2 < end else { return nil }
        return isMultibyteSpace(first, second, bytes[index + 2]) ? 3 : nil
    }

    /// The non-ASCII code points ``isSpace(_:)`` accepts, by their UTF-8 bytes.
    private static func isMultibyteSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second) {
        case (0xC2, 0x85), (0xC2, 0xA0): return true  // NEL, no-break space
        case (0xE1, 0x9A): return third == 0x80  // U+1680
        case (0xE2, 0x80): return third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF  // U+2000–200B, U+2028, U+2029, U+202F
        case (0xE2, 0x81): return third == 0x9F  // U+205F
        case (0xE3, 0x80): return third == 0x80  // U+3000
        case (0xEF, 0xBB): return third == 0xBF  // U+FEFF
        default: return false
        }
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
            } else if line.content.utf8.contains(where: { (0x30...0x39).contains($0) }),  // every date has a digit
                let meta = MetadataLine(line.content, allowsBareName: false, numericOrder: numericOrder),
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
