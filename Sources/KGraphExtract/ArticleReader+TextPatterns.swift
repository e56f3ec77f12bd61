/// A line under a headline that holds only dates, times, a byline or page furniture:
/// `Wed 07 Feb 2024 | 02:35 PM`, `By Jane Doe | Updated 8 February 2024`, `Ahmed Emam`.
struct MetadataLine {
    var date: ArticleDate?
    var updated: ArticleDate?
    var author: String?
    /// The line is only a name (two to four capitalised words) with no `By`:
    /// a byline only when it sits next to a date line.
    var isBareName = false

    /// Reads the line, or returns `nil` when any part of it is something else (a sentence, a place).
    init?(_ line: Substring, allowsBareName: Bool, numericOrder: ArticleDate.NumericOrder) {
        // A metadata line is short; most lines tried here are paragraphs, so say no to them cheaply.
        guard line.utf8.count <= 200, TextPatterns.wordCount(line, limit: 24) <= 24 else { return nil }
        // The whole line first: `Wed 07 Feb 2024 | 02:35 PM` is one date with a time.
        if TextPatterns.hasDigit(line) {
            let (_, wholeRest, wholeIsUpdate) = TextPatterns.splitLabel(line)
            if let date = ArticleDate(parsing: wholeRest, order: numericOrder) {
                if wholeIsUpdate { updated = date } else { self.date = date }
                return
            }
        }
        let segments = TextPatterns.segments(line)
        var sawByline = false
        for segment in segments {
            if TextPatterns.wordCount(segment, limit: 15) > 14 {
                if sawByline { continue }
                return nil
            }
            let (label, rest, isUpdate) = TextPatterns.splitLabel(segment)
            if rest.isEmpty && label != nil { continue }
            let hasDigit = TextPatterns.hasDigit(rest)
            if hasDigit, let found = ArticleDate(parsing: rest, order: numericOrder) {
                if isUpdate { updated = updated ?? found } else { date = date ?? found }
            } else if hasDigit && (ArticleDate.isTimeOfDay(rest) || TextPatterns.isReadingTime(segment))
                || TextPatterns.isRelativeTime(rest)
            {
                continue
            } else if let name = TextPatterns.byline(segment) {
                author = author ?? name
                sawByline = true
            } else if TextPatterns.isFurniture(segment) {
                continue
            } else if allowsBareName && segments.count == 1 && TextPatterns.isBareName(segment) {
                author = String(segment)
                isBareName = true
            } else if !sawByline {
                // Anything after a byline is taken for an affiliation (`By Jane Doe | Reuters`).
                return nil
            }
        }
        if segments.isEmpty { return nil }
    }
}

/// Line patterns of saved news pages, matched by hand (no regular expressions) to stay fast.
enum TextPatterns {
    /// Staff credits in a masthead, with the name following (`Editor in Chief Mohamed Wadie`).
    static let creditRoles = [
        "editor in chief", "editor-in-chief", "chief editor", "managing editor", "executive editor", "deputy editor",
        "editorial director", "general supervisor", "supervisor", "published by", "founded by", "founder and editor",
        "chairman of the board", "chairman of the board of directors", "editorial manager",
    ]
    /// Roles that are credits only when a colon follows (`Editor: Jane Doe`); bare, they start headlines too.
    static let creditRolesWithColon = [
        "editor", "publisher", "chairman", "founder", "director", "general manager", "managing director", "ceo",
        "owner", "editorial board", "news editor", "senior editor",
    ]

    /// Whether the line is a masthead credit: a role, then a short capitalised name.
    static func isStaffCredit(_ line: Substring) -> Bool {
        guard line.utf8.count <= 100 else { return false }
        let lower = line.lowercased()
        for role in creditRoles + creditRolesWithColon where lower.utf8.starts(with: role.utf8) {
            var rest = lower.dropFirst(role.count)
            guard let first = rest.first, first == " " || first == ":" || first == "-" || first == "\u{2013}" else {
                continue
            }
            let hasColon = rest.drop(while: { $0 == " " }).first == ":"
            if creditRolesWithColon.contains(role) && !hasColon { continue }
            rest = rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "\u{2013}" }
            let name = line.suffix(rest.count)
            guard (1...6).contains(words(name).count), let initial = name.first, initial.isUppercase,
                !(name.last.map { ".!?".contains($0) } ?? false)
            else { continue }
            return true
        }
        return false
    }

    /// Page furniture that is never article text: `Share`, `Advertisement`, `Follow us on X`, `© 2024 …`.
    static let furniture: Set<String> = [
        "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "share", "share this",
        "share this article", "share this story", "share article", "tweet", "email", "e-mail", "print",
        "print this", "print article", "follow us", "subscribe", "subscribe now", "sign in", "sign up", "log in",
        "login", "register", "menu", "home", "search", "skip to content", "skip to main content", "read more",
        "read also", "also read", "related", "related articles", "related news", "related stories",
        "more", "comments", "comment", "listen", "listen to this article", "save", "copy link", "whatsapp",
        "facebook", "twitter", "x", "linkedin", "telegram", "reddit", "pinterest", "instagram", "youtube",
        "back to top", "top", "next", "previous", "next article", "previous article", "close", "loading",
        "image", "photo", "video", "watch", "most read", "trending", "latest news", "breaking news", "opinion",
    ]
    static let furniturePrefixes = [
        "follow us", "share on ", "share this", "share via", "sign up", "subscribe to", "read more:", "read more about",
        "read also:", "see also:", "related:", "click here", "skip to", "all rights reserved", "(c) ", "©",
        "download the app", "get the app", "tags:", "topics:",
    ]

    /// Marks around furniture: `» Share:`, `Related |`.
    static let furnitureEdges: Set<Unicode.Scalar> = [":", "|", "\u{2022}", "\u{00BB}", "\u{203A}", ">", "-", "\u{2013}", "\u{2014}"]

    /// Whether the line (or a segment of one) is furniture, not text.
    static func isFurniture(_ line: Substring) -> Bool {
        guard line.utf8.count <= 160 else { return false }
        if !line.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) {
            return true  // a rule, bullets or a lone full stop
        }
        // The furniture list and prefixes are a few words; the copyright lines up to 14.
        guard wordCount(line, limit: 14) <= 14 else { return false }
        let lower = line.lowercased()
        let scalars = lower.unicodeScalars
        let isEdge = { (scalar: Unicode.Scalar) in furnitureEdges.contains(scalar) || TextLine.isSpace(scalar) }
        guard let first = scalars.firstIndex(where: { !isEdge($0) }), let last = scalars.lastIndex(where: { !isEdge($0) })
        else { return true }
        let trimmed = lower[first...last]
        if furniture.contains(String(trimmed)) { return true }
        let words = TextPatterns.words(trimmed)
        if furniturePrefixes.contains(where: { trimmed.utf8.starts(with: $0.utf8) }) { return true }
        if trimmed.contains("all rights reserved") { return true }
        if trimmed.hasPrefix("copyright") {
            let rest = trimmed.dropFirst("copyright".count).drop { $0 == " " }
            if rest.first == "©" || rest.hasPrefix("(c)") || rest.first.map({ $0.isNumber }) == true { return true }
        }
        // A bare address.
        if words.count == 1, trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("www.") {
            return true
        }
        return false
    }

    /// Labels in front of a date, longest first; the flag marks an update rather than publication.
    static let dateLabels: [(String, Bool)] = [
        ("first published on", false), ("first published", false), ("originally published", false),
        ("published on", false), ("published at", false), ("published", false), ("posted on", false),
        ("posted at", false), ("posted", false), ("release date", false), ("released", false), ("dated", false),
        ("date", false), ("last updated on", true), ("last updated at", true), ("last updated", true),
        ("last modified", true), ("updated on", true), ("updated at", true), ("updated", true),
        ("modified", true), ("edited", true),
    ]

    /// Splits a leading `Published:` or `Updated` label off: (label, the rest, whether it is an update).
    static func splitLabel(_ segment: Substring) -> (label: String?, rest: Substring, isUpdate: Bool) {
        let trimmed = trim(segment)
        guard trimmed.utf8.count <= 120 else { return (nil, trimmed, false) }
        let lower = trimmed.lowercased()
        for (label, isUpdate) in dateLabels where lower.utf8.starts(with: label.utf8) {
            let after = lower.dropFirst(label.count)
            guard after.isEmpty || after.first == " " || after.first == ":" else { continue }
            let rest = trim(trimmed.dropFirst(label.count).drop { $0 == ":" || $0 == " " })
            return (label, rest, isUpdate)
        }
        return (nil, trimmed, false)
    }

    /// Splits a line at `|`, `•`, `·` and spaced dashes.
    static func segments(_ line: Substring) -> [Substring] {
        var result: [Substring] = []
        let isSeparator = { (scalar: Unicode.Scalar) in
            scalar == "|" || scalar == "\u{2022}" || scalar == "\u{00B7}" || scalar == "\u{2502}"
        }
        for piece in line.unicodeScalars.split(whereSeparator: isSeparator) {
            var rest = Substring(piece)
            while let dash = firstSpacedDash(in: rest) {
                result.append(rest[..<dash.lowerBound])
                rest = rest[dash.upperBound...]
            }
            result.append(rest)
        }
        return result.map(trim).filter { !$0.isEmpty }
    }

    /// The first ` - `, ` – ` or ` — ` in the text, found byte by byte.
    private static func firstSpacedDash(in text: Substring) -> Range<Substring.Index>? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            guard utf8[index] == 0x20, next < utf8.endIndex else {
                index = next
                continue
            }
            var end: Substring.Index?
            if utf8[next] == 0x2D {
                end = utf8.index(after: next)  // " -"
            } else if utf8[next] == 0xE2 {
                let rest = utf8[next...]
                if rest.starts(with: [0xE2, 0x80, 0x93]) || rest.starts(with: [0xE2, 0x80, 0x94]) {
                    end = utf8.index(next, offsetBy: 3)  // " –", " —"
                }
            }
            if let end, end < utf8.endIndex, utf8[end] == 0x20 { return index..<utf8.index(after: end) }
            index = next
        }
        return nil
    }

    /// The name in `By Jane Doe`, `By Jane Doe, Reuters`, `Written by Jane Doe`, `Author: Jane Doe`.
    static func byline(_ segment: Substring) -> String? {
        guard segment.utf8.count <= 120, let first = segment.first, "BbWwRrSsAa".contains(first) else { return nil }
        let lower = segment.lowercased()
        let prefixes = ["by ", "by: ", "written by ", "reported by ", "reporting by ", "story by ", "words by ", "author: ", "authors: "]
        guard let prefix = prefixes.first(where: { lower.utf8.starts(with: $0.utf8) }) else { return nil }
        var name = trim(segment.dropFirst(prefix.count))
        if let comma = name.firstIndex(where: { $0 == "," || $0 == ";" }) { name = trim(name[..<comma]) }
        let words = TextPatterns.words(name)
        guard (1...8).contains(words.count), let initial = name.first, initial.isUppercase,
            !name.contains(where: \.isNumber),
            !ArticleDate.weekdays.contains(words[0].lowercased()),
            ArticleDate.monthNumbers[words[0].lowercased()] == nil
        else { return nil }
        // A sentence, not a byline: `By Monday the talks had failed.`
        if TextPatterns.words(segment).count > 14 { return nil }
        if let last = words.last, last.hasSuffix("."), last.count > 3 { return nil }
        return String(name)
    }

    static let nameParticles: Set<String> = [
        "al", "el", "bin", "bint", "ibn", "abu", "de", "da", "di", "du", "del", "der", "van", "von", "la", "le", "dos", "das",
    ]
    static let notNameWords: Set<String> = ["the", "and", "of", "in", "on", "for", "to", "a", "an", "at", "with", "by"]

    /// Two to four capitalised words of letters, as a name is written: `Ahmed Emam`, `Choe Son Hui`, `J. R. Smith`.
    static func isBareName(_ segment: Substring) -> Bool {
        let words = TextPatterns.words(segment)
        guard (2...4).contains(words.count), !isFurniture(segment) else { return false }
        for word in words {
            let lower = word.lowercased()
            guard !notNameWords.contains(lower), !ArticleDate.weekdays.contains(lower),
                ArticleDate.monthNumbers[lower] == nil,
                word.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "\u{2019}" || $0 == "-" || $0 == "." }),
                word.first?.isUppercase == true || nameParticles.contains(lower)
                    || lower.hasPrefix("al-") || lower.hasPrefix("el-")
            else { return false }
        }
        return true
    }

    /// `2 hours ago`, `yesterday`, `just now`.
    static func isRelativeTime(_ segment: Substring) -> Bool {
        guard segment.utf8.count <= 24 else { return false }
        let lower = segment.lowercased()
        if lower == "yesterday" || lower == "today" || lower == "just now" { return true }
        let words = lower.split(separator: " ")
        guard words.count == 3, words[2] == "ago", Int(words[0]) != nil || words[0] == "a" || words[0] == "an" else {
            return false
        }
        return ["second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days",
            "week", "weeks", "month", "months", "year", "years"].contains(String(words[1]))
    }

    /// `5 min read`, `Reading time: 4 minutes`.
    static func isReadingTime(_ segment: Substring) -> Bool {
        guard segment.utf8.count <= 30 else { return false }
        let lower = segment.lowercased()
        if lower.hasPrefix("reading time") { return lower.count <= 30 }
        let words = lower.split(separator: " ")
        return words.count == 3 && Int(words[0]) != nil && words[1].hasPrefix("min") && words[2] == "read"
    }

    /// Whether a headline candidate is rather a paragraph: over 40 words, or over 20 ending in a full stop.
    static func readsLikeParagraph(_ line: Substring) -> Bool {
        var words = 0
        var inWord = false
        for scalar in line.unicodeScalars {
            if TextLine.isSpace(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > 40 { return true }
            }
        }
        return words > 20 && line.last == "."
    }

    static func hasDigit(_ text: Substring) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// How many words the text has, counting no further than `limit + 1`.
    static func wordCount(_ text: Substring, limit: Int) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if TextLine.isSpace(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    /// The text's words: runs of anything but whitespace.
    static func words(_ text: Substring) -> [Substring] {
        text.unicodeScalars.split(whereSeparator: TextLine.isSpace).map { Substring($0) }
    }

    static func trim(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !TextLine.isSpace($0) }),
            let last = scalars.lastIndex(where: { !TextLine.isSpace($0) })
        else { return text[text.endIndex...] }
        return text[start..<scalars.index(after: last)]
    }
}
